package dev.s3aas.controlplane.iam;

import java.util.Locale;

/** Every permission a route can require, named {@code s3aas.<resource>.<action>}. */
public enum Permission {
    INSTANCE_CREATE, INSTANCE_READ, INSTANCE_UPDATE, INSTANCE_DELETE,
    /** Reading the instance root's MFA device secret: not a read, so viewers (who never see secrets) lack it. */
    INSTANCE_MFA_REVEAL,
    /** Minting a token that reads the instance's node metrics: derived from the root secret, so not a read either. */
    INSTANCE_METRICS_REVEAL,
    BUCKET_CREATE, BUCKET_READ, BUCKET_UPDATE, BUCKET_DELETE,
    /** Listing a bucket's objects and versions, downloading them (the object browser): viewers may. */
    OBJECT_READ,
    /** Uploading and deleting objects: what an operator may do to buckets, never a viewer. */
    OBJECT_WRITE,
    USER_CREATE, USER_READ, USER_UPDATE, USER_DELETE,
    POLICY_CREATE, POLICY_READ, POLICY_UPDATE, POLICY_DELETE,
    ACCESS_KEY_CREATE, ACCESS_KEY_READ, ACCESS_KEY_UPDATE, ACCESS_KEY_DELETE,
    PROJECT_READ, PROJECT_UPDATE,
    ROLE_BINDING_CREATE, ROLE_BINDING_READ, ROLE_BINDING_DELETE;

    /** The external name, e.g. {@code s3aas.access_key.create}. */
    public String externalName() {
        String n = name().toLowerCase(Locale.ROOT);
        int cut = n.lastIndexOf('_');
        return "s3aas." + n.substring(0, cut) + "." + n.substring(cut + 1);
    }

    public boolean isRead() {
        return name().endsWith("_READ");
    }
}
