package dev.s3aas.node.s3;

import java.nio.charset.StandardCharsets;

/**
 * An object key: 1–1024 bytes of UTF-8 (S3's limit). NUL is refused: it has no XML representation in
 * listings and no legitimate use. Keys are opaque names — storage never turns them into paths, so
 * {@code ../}, {@code %2e%2e} and friends are ordinary characters here.
 */
record ObjectKey(String value) {
    static final int MAX_BYTES = 1024;

    ObjectKey {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
    }

    static ObjectKey parse(String value) throws S3Exception {
        if (value == null || value.isEmpty()) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The object key must not be empty.");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new S3Exception(S3ErrorCode.KeyTooLongError);
        }
        if (value.indexOf('\0') >= 0) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Object keys must not contain NUL characters.");
        }
        return new ObjectKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
