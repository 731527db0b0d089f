package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.checksum.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A body whose SHA-256 was signed as {@code x-amz-content-sha256}: passed through while hashed,
 * and compared at the end (XAmzContentSHA256Mismatch).
 */
final class SignedPayloadStream extends PayloadInputStream {
    private final MessageDigest digest = Digests.sha256();
    private final byte[] expected;

    SignedPayloadStream(InputStream raw, String expectedSha256Hex) {
        super(raw);
        this.expected = Hex.decodeLowerCase(expectedSha256Hex);
        if (expected == null || expected.length != 32) {
            throw new IllegalArgumentException("expected SHA-256 must be 64 lower-case hex digits");
        }
    }

    @Override
    int readDecoded(byte[] b, int off, int len) throws IOException {
        int n;
        do {
            n = raw().read(b, off, len);
        } while (n == 0);
        if (n > 0) {
            digest.update(b, off, n);
            return n;
        }
        if (!MessageDigest.isEqual(expected, digest.digest())) {
            throw new PayloadException(AuthError.XAmzContentSHA256Mismatch,
                    AuthError.XAmzContentSHA256Mismatch.defaultMessage());
        }
        return -1;
    }
}
