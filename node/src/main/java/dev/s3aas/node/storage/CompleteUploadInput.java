package dev.s3aas.node.storage;

import java.util.List;

/** CompleteMultipartUpload: the parts the client lists, in the order it lists them, and write preconditions. */
public record CompleteUploadInput(String bucket, String key, String uploadId, List<Part> parts,
                                  WriteCondition condition) {
    public CompleteUploadInput {
        parts = List.copyOf(parts);
        condition = condition == null ? WriteCondition.NONE : condition;
    }

    /** One listed part: its number, the ETag the client got for it, and optionally its checksum. */
    public record Part(int partNumber, String etag, String checksum) {}
}
