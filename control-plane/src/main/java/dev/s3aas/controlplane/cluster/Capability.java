package dev.s3aas.controlplane.cluster;

import java.util.Locale;

/**
 * What an engine may or may not be able to do for an instance, each one found by probing the cluster
 * ({@code ceph.CapabilityProbe}), never assumed. The external name is the API's.
 */
public enum Capability {
    VERSIONING, OBJECT_LOCK, QUOTA, ENCRYPTION, MFA_DELETE, POLICIES;

    public String external() {
        return name().toLowerCase(Locale.ROOT);
    }
}
