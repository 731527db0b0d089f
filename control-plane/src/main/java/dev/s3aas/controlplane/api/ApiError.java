package dev.s3aas.controlplane.api;

/**
 * Every error a client can cause, translated once into a JSON body {@code {code, message, field?}}
 * and an HTTP status by {@link ApiHandler}. Services throw these; nothing else reaches the client
 * except an opaque 500.
 */
public abstract sealed class ApiError extends RuntimeException {
    private final String code;
    private final String field;

    private ApiError(String code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** HTTP status of this error. */
    public int status() {
        return switch (this) {
            case Invalid e -> 400;
            case Unauthenticated e -> 401;
            case Forbidden e -> 403;
            case NotFound e -> 404;
            case MethodNotAllowed e -> 405;
            case Conflict e -> 409;
            case LengthRequired e -> 411;
            case TooLarge e -> 413;
            case Unprocessable e -> 422;
            case BadGateway e -> 502;
            case Unavailable e -> 503;
        };
    }

    /** 400: malformed input; names the field. */
    public static final class Invalid extends ApiError {
        public Invalid(String code, String message, String field) {
            super(code, message, field);
        }
    }

    public static final class Unauthenticated extends ApiError {
        public Unauthenticated(String message) {
            super("unauthorized", message, null);
        }
    }

    public static final class Forbidden extends ApiError {
        public Forbidden(String message) {
            super("forbidden", message, null);
        }
    }

    public static final class NotFound extends ApiError {
        public NotFound(String message) {
            super("not_found", message, null);
        }
    }

    public static final class MethodNotAllowed extends ApiError {
        public MethodNotAllowed(String message) {
            super("method_not_allowed", message, null);
        }
    }

    /** 409: duplicate name, non-empty resource, read-only or immutable field written. */
    public static final class Conflict extends ApiError {
        public Conflict(String code, String message, String field) {
            super(code, message, field);
        }
    }

    /** 411: a streamed upload without a Content-Length (the node needs the length before the first byte). */
    public static final class LengthRequired extends ApiError {
        public LengthRequired(String message) {
            super("length_required", message, null);
        }
    }

    public static final class TooLarge extends ApiError {
        public TooLarge(String message) {
            super("payload_too_large", message, null);
        }
    }

    /** 422: well-formed but semantically impossible (shrinking a disk, retention without lock). */
    public static final class Unprocessable extends ApiError {
        public Unprocessable(String code, String message, String field) {
            super(code, message, field);
        }
    }

    /** 502: a node answered with an error that says nothing about the request (its own failure). */
    public static final class BadGateway extends ApiError {
        public BadGateway(String code, String message) {
            super(code, message, null);
        }
    }

    /** 503: the answer depends on a node that did not answer; the same request may succeed later. */
    public static final class Unavailable extends ApiError {
        public Unavailable(String code, String message) {
            super(code, message, null);
        }
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid("invalid_field", message, field);
    }

    public static Conflict duplicate(String field, String message) {
        return new Conflict("duplicate", message, field);
    }

    public static NotFound notFound(String what, String idOrName) {
        return new NotFound(what + " '" + idOrName + "' not found");
    }
}
