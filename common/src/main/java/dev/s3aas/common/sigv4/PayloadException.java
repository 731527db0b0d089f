package dev.s3aas.common.sigv4;

import java.io.IOException;
import java.util.Objects;

/**
 * The request body failed an integrity check while being read (hash mismatch, bad chunk
 * signature, malformed aws-chunked framing, truncated body). Thrown by the streams of
 * {@link PayloadStreams} no later than at the point where they would report end of stream, so a
 * server that commits only after EOF never stores unverified data.
 */
public final class PayloadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final AuthError error;

    public PayloadException(AuthError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public AuthError error() {
        return error;
    }
}
