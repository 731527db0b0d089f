package dev.s3aas.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the lean client kept of one response: the status, the body length it delivered, the ETag when asked
 * for, and for non-2xx responses the (truncated) body, to report the server's error.
 */
record HttpResponse(int status, long bodyLength, String etag, byte[] errorBody) {
    boolean ok() {
        return status / 100 == 2;
    }

    String errorText() {
        return errorBody == null ? "" : new String(errorBody, StandardCharsets.UTF_8);
    }
}
