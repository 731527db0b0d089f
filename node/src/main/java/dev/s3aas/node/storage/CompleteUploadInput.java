package dev.s3aas.node.storage;

import java.util.List;

/**
 * CompleteMultipartUpload: the parts the client lists, in the order it lists them, write preconditions, and
 * optionally the checksum the client computed for the whole object (checked against the assembled one).
 */
public record CompleteUploadInput(String bucket, String key, String uploadId, List<Part> parts,
                                  WriteCondition condition, ExpectedChecksum expectedChecksum) {
    public CompleteUploadInput {
        parts = List.copyOf(parts);
        condition = condition == null ? WriteCondition.NONE : condition;
    }

    public CompleteUploadInput(String bucket, String key, String uploadId, List<Part> parts, WriteCondition condition) {
        this(bucket, key, uploadId, parts, condition, null);
    }

    /** A client-computed object checksum; a "-N" part-count suffix is optional. */
    public record ExpectedChecksum(dev.s3aas.common.checksum.ChecksumAlgorithm algorithm, String value) {}

    /** One listed part: its number, the ETag the client got for it, and optionally its checksum. */
    public record Part(int partNumber, String etag, String checksum) {}
}
