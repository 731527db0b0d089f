package dev.s3aas.common.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * An incremental checksum of one of the {@link ChecksumAlgorithm}s. Not thread-safe: one per
 * upload stream.
 */
public interface ChecksumDigest {
    ChecksumAlgorithm algorithm();

    void update(byte[] bytes, int offset, int length);

    void update(ByteBuffer buffer);

    /**
     * The checksum in the byte form S3 base64-encodes (CRCs big-endian, 4 or 8 bytes); resets
     * this digest, like {@link java.security.MessageDigest#digest()}.
     */
    byte[] finish();

    /** Restarts the checksum from empty input. */
    void reset();

    /** {@link #finish()} in base64, as the {@code x-amz-checksum-*} headers carry it. */
    default String finishBase64() {
        return Base64.getEncoder().encodeToString(finish());
    }
}
