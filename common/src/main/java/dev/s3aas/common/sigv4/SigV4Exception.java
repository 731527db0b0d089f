package dev.s3aas.common.sigv4;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request failed authentication. {@link #error()} is the S3 error code; {@link #details()} holds
 * the extra elements AWS puts in the error body (e.g. {@code CanonicalRequest} and
 * {@code StringToSign} for SignatureDoesNotMatch, {@code HeadersNotSigned}), which make client
 * signing bugs debuggable. Stack traces are not filled: these are expected outcomes, not bugs.
 */
public final class SigV4Exception extends Exception {
    private static final long serialVersionUID = 1L;

    private final AuthError error;
    private final transient Map<String, String> details;

    public SigV4Exception(AuthError error) {
        this(error, error.defaultMessage(), Map.of());
    }

    public SigV4Exception(AuthError error, String message) {
        this(error, message, Map.of());
    }

    public SigV4Exception(AuthError error, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public AuthError error() {
        return error;
    }

    /** Extra elements for the S3 error body, in order; empty when there are none. */
    public Map<String, String> details() {
        return details;
    }
}
