package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Hex;
import java.util.Objects;

/**
 * The outcome of {@link SigV4Verifier#verify}: who signed the request, and how its body is to be
 * checked (hand it with the body to {@link PayloadStreams#decode}).
 */
public sealed interface AuthResult permits AuthResult.Anonymous, AuthResult.Authenticated {

    /** How the body is protected. */
    PayloadMode payloadMode();

    /** Lower-case hex SHA-256 the body must match, for {@link PayloadMode#SIGNED_PAYLOAD} only. */
    String expectedPayloadSha256();

    /** {@code x-amz-decoded-content-length} for the streaming modes, otherwise -1. */
    long decodedContentLength();

    /**
     * No Authorization header and no authentication query parameters. The payload fields still
     * reflect {@code x-amz-content-sha256} if the client sent it (unsigned aws-chunked uploads).
     */
    record Anonymous(PayloadMode payloadMode, String expectedPayloadSha256,
            long decodedContentLength) implements AuthResult {
        public Anonymous {
            validatePayload(payloadMode, expectedPayloadSha256, decodedContentLength);
            if (payloadMode.hasChunkSignatures()) {
                throw new IllegalArgumentException("signed chunks need a signed request");
            }
        }

        /** An anonymous request without a body declaration. */
        public static final Anonymous PLAIN = new Anonymous(PayloadMode.UNSIGNED_PAYLOAD, null, -1);
    }

    /**
     * A request whose signature verified.
     *
     * @param accessKeyId the key that signed
     * @param version V4 or V2
     * @param presigned true for query-string (presigned URL) authentication
     * @param region the region of the credential scope (V4); null for V2
     * @param chunkSigning what chunk and trailer signatures chain from (V4 only, else null)
     */
    record Authenticated(String accessKeyId, SignatureVersion version, boolean presigned,
            String region, PayloadMode payloadMode, String expectedPayloadSha256,
            long decodedContentLength, ChunkSigningContext chunkSigning) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(version, "version");
            validatePayload(payloadMode, expectedPayloadSha256, decodedContentLength);
            if (payloadMode.hasChunkSignatures() && chunkSigning == null) {
                throw new IllegalArgumentException(payloadMode + " needs the chunk signing context");
            }
            if (version == SignatureVersion.V4 && region == null) {
                throw new IllegalArgumentException("a V4 signature has a region");
            }
        }
    }

    private static void validatePayload(PayloadMode mode, String expectedSha256,
            long decodedContentLength) {
        Objects.requireNonNull(mode, "payloadMode");
        if ((mode == PayloadMode.SIGNED_PAYLOAD) != (expectedSha256 != null)) {
            throw new IllegalArgumentException("an expected SHA-256 goes with SIGNED_PAYLOAD only");
        }
        if (expectedSha256 != null && !Hex.isLowerHex(expectedSha256, 64)) {
            throw new IllegalArgumentException("expected SHA-256 must be 64 lower-case hex digits");
        }
        if (mode.isStreaming() != (decodedContentLength >= 0)) {
            throw new IllegalArgumentException("a decoded length goes with streaming modes only");
        }
    }
}
