package dev.s3aas.controlplane.ceph;

import java.util.Locale;

/**
 * The RGW tenant of one instance and the names inside it. A tenant is RGW's namespace for users and
 * buckets: two tenants may both own a bucket {@code data-bucket}. Users are {@code tenant$uid}; the
 * tenant's owner, which creates and owns the instance's buckets, is {@code tenant$s3aas~root} — the
 * {@code ~} is outside the user-name alphabet of the API, so no instance user can take that uid.
 */
record Tenant(String name) {
    static final String OWNER = "s3aas~root";
    private static final String PREFIX = "s3aas";

    /** The tenant of an instance: "s3aas" and the uuid's 32 hex digits (letters, digits only, as RGW wants). */
    static Tenant of(String instanceUuid) {
        return new Tenant(PREFIX + instanceUuid.replace("-", "").toLowerCase(Locale.ROOT));
    }

    String uid(String user) {
        return name + "$" + user;
    }

    String ownerUid() {
        return uid(OWNER);
    }

    /** True for a {@code tenant$uid} or {@code tenant/bucket} of this tenant. */
    boolean owns(String qualified) {
        return qualified.startsWith(name + "$") || qualified.startsWith(name + "/");
    }

    /** The part after {@code tenant$} or {@code tenant/}. */
    String local(String qualified) {
        return qualified.substring(name.length() + 1);
    }

    /**
     * The owner's access key id: 20 upper-case hex digits of the instance uuid, so the same instance always
     * has the same owner key (RGW key ids are unique across the cluster; uuids are random).
     */
    static String ownerAccessKey(String instanceUuid) {
        return instanceUuid.replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }
}
