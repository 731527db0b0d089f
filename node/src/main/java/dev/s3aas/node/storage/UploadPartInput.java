package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.util.function.Supplier;

/** UploadPart: the target upload and part, plus the body's declared length and digests (as for PutObject). */
public record UploadPartInput(String bucket, String key, String uploadId, int partNumber, long contentLength,
                              byte[] contentMd5, ChecksumAlgorithm checksumAlgorithm, Supplier<String> expectedChecksum,
                              byte[] customerKey) {
    public UploadPartInput {
        if (expectedChecksum == null) {
            expectedChecksum = () -> null;
        }
    }
}
