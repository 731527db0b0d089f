package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.util.function.Supplier;

/**
 * Everything PutObject needs besides the body stream.
 *
 * @param contentLength the exact number of body bytes, or -1 if unknown (then the body is read to EOF)
 * @param contentMd5 the decoded Content-MD5 the client sent, or null; a mismatch fails with BAD_DIGEST
 * @param checksumAlgorithm the additional checksum to compute, or null
 * @param expectedChecksum supplies the client's base64 checksum once the body has been read (a header value
 *        or a trailer that arrives after the data); it may supply null when the client only named the algorithm
 * @param serverSideEncryption SSE-S3 or SSE-KMS as the request asks, or null for the bucket default
 * @param customerKey an SSE-C key (256 bits) to encrypt the object with, or null
 */
public record PutObjectInput(
        String bucket,
        String key,
        long contentLength,
        ObjectMetadata metadata,
        byte[] contentMd5,
        ChecksumAlgorithm checksumAlgorithm,
        Supplier<String> expectedChecksum,
        WriteCondition condition,
        SseRequest serverSideEncryption,
        byte[] customerKey) {

    public PutObjectInput {
        java.util.Objects.requireNonNull(bucket, "bucket");
        java.util.Objects.requireNonNull(key, "key");
        metadata = metadata == null ? ObjectMetadata.EMPTY : metadata;
        condition = condition == null ? WriteCondition.NONE : condition;
        if (expectedChecksum == null) {
            expectedChecksum = () -> null;
        }
    }
}
