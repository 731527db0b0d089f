package dev.s3aas.node.s3;

/** A request failure to be answered with an S3 error document. Thrown by operations, mapped once in {@link S3Handler}. */
final class S3Exception extends Exception {
    private final S3ErrorCode code;

    S3Exception(S3ErrorCode code) {
        this(code, code.defaultMessage);
    }

    S3Exception(S3ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    S3ErrorCode code() {
        return code;
    }
}
