package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;

/**
 * CopyObject.
 *
 * @param metadata the destination's metadata (directive REPLACE), or null to copy the source's (COPY); its tags
 *        and lock state are not used
 * @param tags the destination's tags (tagging directive REPLACE), or null to copy the source's
 * @param lock the destination's object-lock settings from the request, or null (the source's are never copied)
 * @param checksumAlgorithm checksum to compute for the copy; null keeps the source's algorithm, if any
 * @param serverSideEncryption SSE-S3 or SSE-KMS for the copy, or null for the destination bucket's default
 * @param acl the copy's ACL from the request (null: private); S3 never copies the source's ACL
 * @param sourceCustomerKey the source's SSE-C key, or null
 * @param customerKey the SSE-C key to encrypt the copy with, or null
 */
public record CopyObjectInput(CopySource source, String bucket, String key, ObjectMetadata metadata,
                              java.util.Map<String, String> tags, ObjectLock lock, ChecksumAlgorithm checksumAlgorithm,
                              WriteCondition condition, SseRequest serverSideEncryption, AccessControlList acl,
                              byte[] sourceCustomerKey, byte[] customerKey) {
    public CopyObjectInput {
        condition = condition == null ? WriteCondition.NONE : condition;
    }

    /** The destination metadata given the source's. */
    ObjectMetadata destinationMetadata(ObjectMetadata source) {
        ObjectMetadata base = metadata != null ? metadata : source;
        return base.withTags(tags != null ? tags : source.tags()).withLock(lock).withAcl(acl);
    }

    boolean ontoItself() {
        return source.bucket().equals(bucket) && source.key().equals(key);
    }
}
