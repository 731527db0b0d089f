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
 * @param defaultRetention object-lock default retention, or null
 * @param tags bucket tags
 * @param encryption default server-side encryption ("AES256" = SSE-S3), or null
 * @param mfaDelete null (never configured), "Enabled" or "Disabled": whether deleting versions and changing
 *                  versioning need the root account's MFA code. Records written before it existed decode as null.
 * @param lifecycle the lifecycle rules, or null (none; also what records written before lifecycle decode as)
 */
public record BucketConfig(String versioning, boolean objectLockEnabled, String policyJson, long quotaBytes,
                           DefaultRetention defaultRetention, java.util.Map<String, String> tags,
                           String encryption, String mfaDelete, LifecycleConfiguration lifecycle) {
    public static final BucketConfig DEFAULT = new BucketConfig(null, false, null, 0);

    public BucketConfig {
        tags = tags == null ? java.util.Map.of() : java.util.Map.copyOf(tags);
    }

    public BucketConfig(String versioning, boolean objectLockEnabled, String policyJson, long quotaBytes) {
        this(versioning, objectLockEnabled, policyJson, quotaBytes, null, null, null, null, null);
    }

    public boolean mfaDeleteEnabled() {
        return "Enabled".equals(mfaDelete);
    }

    /** @param m "Enabled" or "Disabled" */
    public BucketConfig withMfaDelete(String m) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, m, lifecycle);
    }

    public BucketConfig withVersioning(String v) {
        return new BucketConfig(v, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags, encryption,
                mfaDelete, lifecycle);
    }

    public BucketConfig withPolicy(String p) {
        return new BucketConfig(versioning, objectLockEnabled, p, quotaBytes, defaultRetention, tags, encryption,
                mfaDelete, lifecycle);
    }

    public BucketConfig withQuota(long q) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, q, defaultRetention, tags, encryption,
                mfaDelete, lifecycle);
    }

    /** Enabling object lock on an existing bucket also enables versioning (S3 requires it). */
    public BucketConfig withObjectLock(boolean enabled, DefaultRetention retention) {
        return new BucketConfig(enabled ? "Enabled" : versioning, enabled, policyJson, quotaBytes, retention, tags,
                encryption, mfaDelete, lifecycle);
    }

    public BucketConfig withTags(java.util.Map<String, String> t) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, t, encryption,
                mfaDelete, lifecycle);
    }

    /** @param e "AES256" for SSE-S3 by default, or null */
    public BucketConfig withEncryption(String e) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags, e,
                mfaDelete, lifecycle);
    }

    /** @param l the lifecycle rules, or null to remove them */
    public BucketConfig withLifecycle(LifecycleConfiguration l) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags, encryption,
                mfaDelete, l);
    }
}
