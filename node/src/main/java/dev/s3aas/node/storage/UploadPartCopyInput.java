package dev.s3aas.node.storage;

/**
 * UploadPartCopy: a byte range of a source object becomes part {@code partNumber} of an upload.
 *
 * @param first first byte of {@code x-amz-copy-source-range}, or -1 for the whole source
 * @param last last byte (inclusive), or -1 for the whole source
 * @param sourceCustomerKey the source's SSE-C key, or null
 * @param customerKey the upload's SSE-C key, or null
 */
public record UploadPartCopyInput(CopySource source, long first, long last, String bucket, String key,
                                  String uploadId, int partNumber, byte[] sourceCustomerKey, byte[] customerKey) {}
