package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;

/**
 * CopyObject.
 *
 * @param metadata the destination's metadata (directive REPLACE), or null to copy the source's (COPY)
 * @param checksumAlgorithm checksum to compute for the copy; null keeps the source's algorithm, if any
 */
public record CopyObjectInput(CopySource source, String bucket, String key, ObjectMetadata metadata,
                              ChecksumAlgorithm checksumAlgorithm, WriteCondition condition) {
    public CopyObjectInput {
        condition = condition == null ? WriteCondition.NONE : condition;
    }

    boolean ontoItself() {
        return source.bucket().equals(bucket) && source.key().equals(key);
    }
}
