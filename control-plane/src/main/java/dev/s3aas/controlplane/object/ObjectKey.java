package dev.s3aas.controlplane.object;

import dev.s3aas.controlplane.api.ApiError;
import java.nio.charset.StandardCharsets;

/**
 * An S3 object key as S3 allows it (docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html): 1 to 1024
 * bytes of UTF-8, anything but NUL (which the node refuses too). Otherwise untouched: {@code ..}, {@code //},
 * a leading {@code /} and {@code %2F} are ordinary characters of a key, never a path.
 */
public record ObjectKey(String value) {
    public static final int MAX_BYTES = 1024;

    public ObjectKey {
        if (value == null || value.isEmpty()) {
            throw ApiError.invalid("key", "the query parameter 'key' is required: 1 to " + MAX_BYTES + " bytes of UTF-8");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiError.invalid("key", "key must not contain NUL");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ApiError.invalid("key", "key is " + bytes + " bytes of UTF-8; at most " + MAX_BYTES + " are allowed");
        }
    }

    /** The last path segment ({@code photos/cat.jpg} → {@code cat.jpg}), the name a download is saved as. */
    public String fileName() {
        String s = value;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String last = s.substring(s.lastIndexOf('/') + 1);
        return last.isEmpty() ? "object" : last;
    }

    @Override
    public String toString() {
        return value;
    }
}
