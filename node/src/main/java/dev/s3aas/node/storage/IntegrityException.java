package dev.s3aas.node.storage;

import java.io.IOException;

/**
 * Stored data does not match its checksum: a flipped bit on disk, a truncated file, a damaged value. Raised before
 * the damaged bytes are handed to anyone; the S3 layer answers 500 {@code InternalError} or, if the response's
 * headers are already out, aborts it — never a clean end with wrong bytes. The message names the object and the
 * blob, never object data.
 */
public final class IntegrityException extends IOException {
    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The integrity failure in {@code e}'s cause chain, or null. */
    public static IntegrityException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IntegrityException i) {
                return i;
            }
        }
        return null;
    }
}
