package dev.s3aas.node.s3;

import dev.s3aas.common.policy.MalformedPolicyException;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.common.policy.PolicyValidation;
import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed bucket policies, cached per bucket. The stored JSON ({@code BucketConfig.policyJson}) stays the
 * source of truth: each lookup reads the bucket record (as the operation itself does next) and re-parses only
 * when the JSON differs from the cached one. So a Put/DeleteBucketPolicy, a deleted and re-created bucket or
 * a restart can never leave a stale policy in force, without any invalidation protocol.
 */
final class BucketPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(BucketPolicies.class);

    private record Cached(String json, PolicyDocument document) {}

    private final ObjectStore store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    BucketPolicies(ObjectStore store) {
        this.store = store;
    }

    /** Whether the bucket's Block Public Access settings have RestrictPublicBuckets on. */
    boolean restrictsPublic(String bucket) {
        try {
            var block = store.bucket(bucket).config().publicAccessBlock();
            return block != null && block.restrictPublicBuckets();
        } catch (StorageException e) {
            return false;
        }
    }

    /** The bucket's policy; empty if it has none or does not exist. */
    Optional<PolicyDocument> of(String bucket) {
        BucketInfo info;
        try {
            info = store.bucket(bucket);
        } catch (StorageException e) {
            cache.remove(bucket);
            return Optional.empty();
        }
        String json = info.config().policyJson();
        if (json == null) {
            cache.remove(bucket);
            return Optional.empty();
        }
        Cached c = cache.get(bucket);
        if (c != null && c.json().equals(json)) {
            return Optional.of(c.document());
        }
        try {
            PolicyDocument doc = PolicyDocument.parse(json, PolicyValidation.forBucket(bucket));
            cache.put(bucket, new Cached(json, doc));
            return Optional.of(doc);
        } catch (MalformedPolicyException e) {
            // Validated when stored; only a parser change could get here. Grant nothing from it.
            LOG.error("stored policy of bucket {} no longer parses and is ignored: {}", bucket, e.getMessage());
            return Optional.empty();
        }
    }
}
