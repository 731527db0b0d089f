package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Hex;
import java.util.Map;

/**
 * How the request body is protected, from {@code x-amz-content-sha256} ("Authenticating
 * Requests: Using the Authorization Header", Amazon S3 API Reference).
 */
public enum PayloadMode {
    /** {@code UNSIGNED-PAYLOAD}: the body is not covered by the signature. */
    UNSIGNED_PAYLOAD("UNSIGNED-PAYLOAD"),
    /** A hex SHA-256 of the body, which the body must match. */
    SIGNED_PAYLOAD(null),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked with chunk signatures. */
    STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks and signed trailers. */
    STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"),
    /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked, no signatures, trailers. */
    STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER");

    static final String ECDSA_PREFIX = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD";
    private static final String INVALID = "x-amz-content-sha256 must be UNSIGNED-PAYLOAD,"
            + " STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD,"
            + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER,"
            + " STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD,"
            + " STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.";

    private final String headerValue;

    PayloadMode(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The literal {@code x-amz-content-sha256} value; null for {@link #SIGNED_PAYLOAD}. */
    public String headerValue() {
        return headerValue;
    }

    /** True for the aws-chunked encodings. */
    public boolean isStreaming() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER
                || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** True when chunks (and trailers) carry signatures chained from the seed signature. */
    public boolean hasChunkSignatures() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    public boolean hasTrailer() {
        return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /**
     * Parses an {@code x-amz-content-sha256} value. SigV4a streaming is NotImplemented; any
     * other unknown value is InvalidArgument, as S3 answers.
     */
    static PayloadMode parse(String value) throws SigV4Exception {
        for (PayloadMode mode : values()) {
            if (value.equals(mode.headerValue)) {
                return mode;
            }
        }
        if (Hex.isHex(value, 64)) {
            return SIGNED_PAYLOAD;
        }
        if (value.startsWith(ECDSA_PREFIX)) {
            throw new SigV4Exception(AuthError.NotImplemented,
                    "SigV4a (" + value + ") is not implemented.");
        }
        throw new SigV4Exception(AuthError.InvalidArgument, INVALID,
                Map.of("ArgumentName", "x-amz-content-sha256", "ArgumentValue", value));
    }
}
