package dev.s3aas.node.storage;

/**
 * UploadPartCopy: a byte range of a source object becomes part {@code partNumber} of an upload.
 *
 * @param first first byte of {@code x-amz-copy-source-range}, or -1 for the whole source
 * @param last last byte (inclusive), or -1 for the whole source
 */
public record UploadPartCopyInput(CopySource source, long first, long last, String bucket, String key,
                                  String uploadId, int partNumber) {}
