package dev.s3aas.node.storage;

/**
 * Mutable per-bucket settings, stored with the bucket record. Absent settings are null. New settings are
 * added as new nullable components; the codec ignores fields it does not know, so old nodes can read
 * records written by newer ones and vice versa (see {@link RecordCodec}).
 *
 * @param versioning null (never enabled), "Enabled" or "Suspended"
 * @param objectLockEnabled whether the bucket was created with object lock (cannot be turned off)
 * @param policyJson the bucket policy document as the client sent it
 * @param quotaBytes hard quota in bytes, 0 = none
 */
public record BucketConfig(String versioning, boolean objectLockEnabled, String policyJson, long quotaBytes) {
    public static final BucketConfig DEFAULT = new BucketConfig(null, false, null, 0);

    public BucketConfig withVersioning(String v) {
        return new BucketConfig(v, objectLockEnabled, policyJson, quotaBytes);
    }

    public BucketConfig withPolicy(String p) {
        return new BucketConfig(versioning, objectLockEnabled, p, quotaBytes);
    }

    public BucketConfig withQuota(long q) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, q);
    }
}
