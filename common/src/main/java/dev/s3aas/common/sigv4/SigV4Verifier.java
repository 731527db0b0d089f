package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Hex;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Authenticates S3 requests: SigV4 in the Authorization header or in the query (presigned URLs),
 * and SigV2 in either place. Immutable and thread-safe; one instance serves all requests.
 *
 * <p>{@link #verify} checks everything in the request head. The body is checked while it is read,
 * through {@link PayloadStreams#decode} with the returned {@link AuthResult}.
 *
 * <p>References: "Authenticating Requests (AWS Signature Version 4)" and "Authenticating
 * Requests: Using Query Parameters", Amazon S3 API Reference; "Signing and authenticating REST
 * requests" (SigV2), Amazon S3 User Guide.
 */
public final class SigV4Verifier {

    /**
     * @param allowedClockSkew how far the request time may be from the server's (S3: 15 min)
     * @param maxPresignExpirySeconds the largest X-Amz-Expires accepted (S3: 7 days)
     * @param normalizePath remove dot segments and merge slashes in the canonical URI; S3 signs
     *     the path as is, so false for S3 (true only for other services' conventions)
     * @param requireContentSha256 header authentication needs {@code x-amz-content-sha256}, as
     *     S3 requires; when false and it is absent, {@code payloadHashWhenAbsent} is signed
     * @param service the service of the credential scope (S3: "s3")
     * @param payloadHashWhenAbsent the payload hash signed when the request carries none (no
     *     X-Amz-Content-Sha256 in a presigned URL): S3 uses UNSIGNED-PAYLOAD. A generic service
     *     hashes the body instead; set the body's hash here to check such signatures.
     * @param omitSessionToken the signer added the session token after signing (aws-c-auth's
     *     {@code omit_session_token}, used by IoT): leave X-Amz-Security-Token out of the
     *     canonical query and do not require the header to be signed. Not S3 behaviour.
     * @param allowSigV2 accept Signature Version 2
     * @param signingKeyCacheSize derived signing keys kept (one per key, day, region)
     */
    public record Options(Duration allowedClockSkew, long maxPresignExpirySeconds,
            boolean normalizePath, boolean requireContentSha256, String service,
            String payloadHashWhenAbsent, boolean omitSessionToken, boolean allowSigV2,
            int signingKeyCacheSize) {

        public Options {
            Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(payloadHashWhenAbsent, "payloadHashWhenAbsent");
            if (allowedClockSkew.isNegative()) {
                throw new IllegalArgumentException("negative clock skew");
            }
            if (maxPresignExpirySeconds < 1) {
                throw new IllegalArgumentException("max presign expiry must be positive");
            }
            if (!payloadHashWhenAbsent.equals(Canonical.UNSIGNED_PAYLOAD)
                    && !Hex.isLowerHex(payloadHashWhenAbsent, 64)) {
                throw new IllegalArgumentException("payloadHashWhenAbsent must be"
                        + " UNSIGNED-PAYLOAD or a lower-case hex SHA-256");
            }
            if (signingKeyCacheSize < 1) {
                throw new IllegalArgumentException("signing key cache size must be positive");
            }
        }

        /** What S3 does. */
        public static Options s3() {
            return new Options(Duration.ofMinutes(15), 604_800, false, true, "s3",
                    Canonical.UNSIGNED_PAYLOAD, false, true, 4096);
        }

        public Options withAllowedClockSkew(Duration skew) {
            return new Options(skew, maxPresignExpirySeconds, normalizePath, requireContentSha256,
                    service, payloadHashWhenAbsent, omitSessionToken, allowSigV2,
                    signingKeyCacheSize);
        }

        public Options withNormalizePath(boolean normalize) {
            return new Options(allowedClockSkew, maxPresignExpirySeconds, normalize,
                    requireContentSha256, service, payloadHashWhenAbsent, omitSessionToken,
                    allowSigV2, signingKeyCacheSize);
        }

        public Options withRequireContentSha256(boolean require) {
            return new Options(allowedClockSkew, maxPresignExpirySeconds, normalizePath, require,
                    service, payloadHashWhenAbsent, omitSessionToken, allowSigV2,
                    signingKeyCacheSize);
        }

        public Options withService(String name) {
            return new Options(allowedClockSkew, maxPresignExpirySeconds, normalizePath,
                    requireContentSha256, name, payloadHashWhenAbsent, omitSessionToken,
                    allowSigV2, signingKeyCacheSize);
        }

        public Options withPayloadHashWhenAbsent(String hash) {
            return new Options(allowedClockSkew, maxPresignExpirySeconds, normalizePath,
                    requireContentSha256, service, hash, omitSessionToken, allowSigV2,
                    signingKeyCacheSize);
        }

        public Options withOmitSessionToken(boolean omit) {
            return new Options(allowedClockSkew, maxPresignExpirySeconds, normalizePath,
                    requireContentSha256, service, payloadHashWhenAbsent, omit, allowSigV2,
                    signingKeyCacheSize);
        }

        public Options withAllowSigV2(boolean allow) {
            return new Options(allowedClockSkew, maxPresignExpirySeconds, normalizePath,
                    requireContentSha256, service, payloadHashWhenAbsent, omitSessionToken, allow,
                    signingKeyCacheSize);
        }
    }

    private static final String ONE_MECHANISM = "Only one auth mechanism allowed; only the"
            + " X-Amz-Algorithm query parameter, Signature query string parameter or the"
            + " Authorization header should be specified";

    private final V4Verifier v4;
    private final V2Verifier v2;
    private final boolean allowSigV2;

    public SigV4Verifier(SecretLookup secrets, Clock clock) {
        this(secrets, clock, Options.s3());
    }

    public SigV4Verifier(SecretLookup secrets, Clock clock, Options options) {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        this.v4 = new V4Verifier(secrets, clock, options);
        this.v2 = new V2Verifier(secrets, clock, options.allowedClockSkew(), options.maxPresignExpirySeconds());
        this.allowSigV2 = options.allowSigV2();
    }

    /** {@link #verify(RequestView, String)} for a path-style request. */
    public AuthResult verify(RequestView request) throws SigV4Exception {
        return verify(request, null);
    }

    /**
     * Authenticates a request.
     *
     * @param virtualHostBucket the bucket named by the Host header of a virtual-hosted-style
     *     request, null for path style; only SigV2 signs it (in its canonicalized resource)
     * @return {@link AuthResult.Anonymous} when the request carries no authentication
     * @throws SigV4Exception with the S3 error to return
     */
    public AuthResult verify(RequestView request, String virtualHostBucket)
            throws SigV4Exception {
        String authorization = request.header("authorization");
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        boolean v4Query = query.contains("X-Amz-Algorithm") || query.contains("X-Amz-Signature")
                || query.contains("X-Amz-Credential");
        boolean v2Query = query.contains("AWSAccessKeyId");
        if (authorization != null) {
            if (v4Query || v2Query) {
                throw new SigV4Exception(AuthError.InvalidArgument, ONE_MECHANISM);
            }
            if (authorization.startsWith(Canonical.ALGORITHM)) {
                return v4.verifyHeader(request, authorization, query);
            }
            if (authorization.startsWith("AWS ") && allowSigV2) {
                return v2.verifyHeader(request, authorization, query, virtualHostBucket);
            }
            if (authorization.startsWith("AWS4-ECDSA-P256-SHA256")) {
                throw new SigV4Exception(AuthError.NotImplemented,
                        "SigV4a (AWS4-ECDSA-P256-SHA256) is not implemented.");
            }
            throw new SigV4Exception(AuthError.InvalidArgument, "Unsupported Authorization Type",
                    Map.of("ArgumentName", "Authorization"));
        }
        if (v4Query && v2Query) {
            throw new SigV4Exception(AuthError.InvalidArgument, ONE_MECHANISM);
        }
        if (v4Query) {
            return v4.verifyQuery(request, query);
        }
        if (v2Query) {
            if (!allowSigV2) {
                throw new SigV4Exception(AuthError.AccessDenied,
                        "Signature Version 2 is not accepted here; use Signature Version 4.");
            }
            return v2.verifyQuery(request, query, virtualHostBucket);
        }
        return V4Verifier.anonymous(request);
    }
}
