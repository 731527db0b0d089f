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
 * @param encryption default server-side encryption ("AES256" = SSE-S3, "aws:kms" = SSE-KMS), or null
 * @param mfaDelete null (never configured), "Enabled" or "Disabled": whether deleting versions and changing
 *                  versioning need the root account's MFA code. Records written before it existed decode as null.
 * @param cors the bucket's CORS rules, or null
 * @param website the static-website configuration (stored and returned; not served), or null
 * @param acl the bucket's ACL, or null (private)
 * @param ownership Object Ownership, or null for a bucket that never set it: BUCKET_OWNER_ENFORCED
 * @param publicAccessBlock Block Public Access settings, or null (none)
 * @param lifecycle the lifecycle rules, or null (none; also what records written before lifecycle decode as)
 * @param encryptionKeyId with default encryption "aws:kms": the key-ring key, else null
 */
public record BucketConfig(String versioning, boolean objectLockEnabled, String policyJson, long quotaBytes,
                           DefaultRetention defaultRetention, java.util.Map<String, String> tags,
                           String encryption, String mfaDelete, CorsConfiguration cors,
                           WebsiteConfiguration website, AccessControlList acl, ObjectOwnership ownership,
                           PublicAccessBlock publicAccessBlock, LifecycleConfiguration lifecycle,
                           String encryptionKeyId) {
    public static final BucketConfig DEFAULT = new BucketConfig(null, false, null, 0);

    public BucketConfig {
        tags = tags == null ? java.util.Map.of() : java.util.Map.copyOf(tags);
    }

    public BucketConfig(String versioning, boolean objectLockEnabled, String policyJson, long quotaBytes) {
        this(versioning, objectLockEnabled, policyJson, quotaBytes, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean mfaDeleteEnabled() {
        return "Enabled".equals(mfaDelete);
    }

    /** @param m "Enabled" or "Disabled" */
    public BucketConfig withMfaDelete(String m) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, m, cors, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withVersioning(String v) {
        return new BucketConfig(v, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags, encryption,
                mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withPolicy(String p) {
        return new BucketConfig(versioning, objectLockEnabled, p, quotaBytes, defaultRetention, tags, encryption,
                mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withQuota(long q) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, q, defaultRetention, tags, encryption,
                mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    /** Enabling object lock on an existing bucket also enables versioning (S3 requires it). */
    public BucketConfig withObjectLock(boolean enabled, DefaultRetention retention) {
        return new BucketConfig(enabled ? "Enabled" : versioning, enabled, policyJson, quotaBytes, retention, tags,
                encryption, mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withTags(java.util.Map<String, String> t) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, t, encryption,
                mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    /** Default encryption SSE-KMS with key-ring key {@code keyId}. */
    public BucketConfig withKmsEncryption(String keyId) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                "aws:kms", mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, keyId);
    }

    /** @param e "AES256" for SSE-S3 by default, or null */
    public BucketConfig withEncryption(String e) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags, e,
                mfaDelete, cors, website, acl, ownership, publicAccessBlock, lifecycle, null);
    }

    public BucketConfig withCors(CorsConfiguration c) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, mfaDelete, c, website, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withWebsite(WebsiteConfiguration w) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, mfaDelete, cors, w, acl, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    /** Object Ownership in force: a bucket that never set it has ACLs disabled, as new AWS buckets do. */
    public ObjectOwnership effectiveOwnership() {
        return ownership == null ? ObjectOwnership.BUCKET_OWNER_ENFORCED : ownership;
    }

    public BucketConfig withAcl(AccessControlList a) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, mfaDelete, cors, website, a, ownership, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withOwnership(ObjectOwnership o) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, mfaDelete, cors, website, acl, o, publicAccessBlock, lifecycle, encryptionKeyId);
    }

    public BucketConfig withPublicAccessBlock(PublicAccessBlock b) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, mfaDelete, cors, website, acl, ownership, b, lifecycle, encryptionKeyId);
    }

    /** @param l the lifecycle rules, or null to remove them */
    public BucketConfig withLifecycle(LifecycleConfiguration l) {
        return new BucketConfig(versioning, objectLockEnabled, policyJson, quotaBytes, defaultRetention, tags,
                encryption, mfaDelete, cors, website, acl, ownership, publicAccessBlock, l, encryptionKeyId);
    }
}
