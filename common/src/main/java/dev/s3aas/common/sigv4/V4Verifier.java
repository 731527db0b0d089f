package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** SigV4 header and query authentication; see {@link SigV4Verifier}. */
final class V4Verifier {
    private static final String BAD_DATE =
            "AWS authentication requires a valid Date or x-amz-date header";
    private static final String QUERY_PARAMETERS = "Query-string authentication version 4"
            + " requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date,"
            + " X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
    private static final String NOT_SIGNED =
            "There were headers present in the request which were not signed";
    private static final Set<String> SIGNATURE_PARAM = Set.of("X-Amz-Signature");
    private static final Set<String> SIGNATURE_AND_TOKEN =
            Set.of("X-Amz-Signature", "X-Amz-Security-Token");

    /** The request time in both forms. */
    private record Timestamp(long epochSeconds, String iso, String header) {
    }

    /** The payload declaration: mode, the string signed, and what the body must hash to. */
    private record Payload(PayloadMode mode, String signed, String expectedSha256,
            long decodedLength) {
    }

    private final SecretLookup secrets;
    private final Clock clock;
    private final SigV4Verifier.Options options;
    private final SigningKey.Cache keys;

    V4Verifier(SecretLookup secrets, Clock clock, SigV4Verifier.Options options) {
        this.secrets = secrets;
        this.clock = clock;
        this.options = options;
        this.keys = new SigningKey.Cache(options.signingKeyCacheSize());
    }

    AuthResult.Authenticated verifyHeader(RequestView request, String authorization,
            QueryParameters query) throws SigV4Exception {
        V4Authorization auth = V4Authorization.parse(authorization);
        Timestamp time = headerTime(request);
        checkScope(auth.credential(), time.iso(), AuthError.AuthorizationHeaderMalformed);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - time.epochSeconds()) > options.allowedClockSkew().toSeconds()) {
            throw new SigV4Exception(AuthError.RequestTimeTooSkewed,
                    AuthError.RequestTimeTooSkewed.defaultMessage(),
                    Map.of("RequestTime", time.iso(), "ServerTime", AmzDate.formatIsoBasic(now),
                            "MaxAllowedSkewMilliseconds",
                            Long.toString(options.allowedClockSkew().toMillis())));
        }
        checkSignedHeaders(request, auth.signedHeaders(), time.header());
        Payload payload = headerPayload(request);
        return verify(request, auth.credential(), time, auth.signedHeaders(),
                auth.signedHeadersLine(), Canonical.query(query, Set.of()), payload,
                auth.signature(), false);
    }

    AuthResult.Authenticated verifyQuery(RequestView request, QueryParameters query)
            throws SigV4Exception {
        String algorithm = query.first("X-Amz-Algorithm");
        String credential = query.first("X-Amz-Credential");
        String date = query.first("X-Amz-Date");
        String expires = query.first("X-Amz-Expires");
        String signedHeadersLine = query.first("X-Amz-SignedHeaders");
        String signature = query.first("X-Amz-Signature");
        if (algorithm == null || credential == null || date == null || expires == null
                || signedHeadersLine == null || signature == null) {
            throw queryError(QUERY_PARAMETERS);
        }
        if (algorithm.startsWith("AWS4-ECDSA-P256-SHA256")) {
            throw new SigV4Exception(AuthError.NotImplemented, "SigV4a is not implemented.");
        }
        if (!algorithm.equals(Canonical.ALGORITHM)) {
            throw queryError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        CredentialScope scope =
                V4Authorization.credential(credential, AuthError.AuthorizationQueryParametersError);
        long signedAt = AmzDate.parseIsoBasic(date);
        if (signedAt == AmzDate.INVALID) {
            throw queryError("X-Amz-Date must be in the ISO8601 Long Format"
                    + " \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long lifetime = expires(expires);
        checkScope(scope, date, AuthError.AuthorizationQueryParametersError);
        List<String> signedHeaders = V4Authorization.signedHeaderList(signedHeadersLine,
                AuthError.AuthorizationQueryParametersError);
        checkPresignWindow(signedAt, lifetime, expires);
        checkSignedHeaders(request, signedHeaders, null);
        Payload payload = queryPayload(request, query);
        String canonicalQuery = Canonical.query(query,
                options.omitSessionToken() ? SIGNATURE_AND_TOKEN : SIGNATURE_PARAM);
        return verify(request, scope, new Timestamp(signedAt, date, null), signedHeaders,
                signedHeadersLine, canonicalQuery, payload, signature, true);
    }

    private AuthResult.Authenticated verify(RequestView request, CredentialScope scope,
            Timestamp time, List<String> signedHeaders, String signedHeadersLine,
            String canonicalQuery, Payload payload, String signature, boolean presigned)
            throws SigV4Exception {
        String secret = secrets.secretFor(scope.accessKeyId()).orElseThrow(
                () -> new SigV4Exception(AuthError.InvalidAccessKeyId,
                        AuthError.InvalidAccessKeyId.defaultMessage(),
                        Map.of("AWSAccessKeyId", scope.accessKeyId())));
        SigningKey key = keys.get(secret, scope.date(), scope.region(), scope.service());
        String canonicalUri = UriEncoding.canonicalUri(request.rawPath(), options.normalizePath());
        String canonicalRequest = Canonical.request(request.method(), canonicalUri,
                canonicalQuery, request, signedHeaders, signedHeadersLine, payload.signed());
        String stringToSign = Canonical.stringToSign(time.iso(), scope.scope(), canonicalRequest);
        byte[] expected = key.sign(stringToSign.getBytes(StandardCharsets.UTF_8));
        byte[] provided = Hex.isLowerHex(signature, 64) ? Hex.decodeLowerCase(signature) : null;
        if (provided == null || !MessageDigest.isEqual(expected, provided)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("AWSAccessKeyId", scope.accessKeyId());
            details.put("StringToSign", stringToSign);
            details.put("SignatureProvided", signature);
            details.put("CanonicalRequest", canonicalRequest);
            throw new SigV4Exception(AuthError.SignatureDoesNotMatch,
                    AuthError.SignatureDoesNotMatch.defaultMessage(), details);
        }
        ChunkSigningContext chunks =
                new ChunkSigningContext(key, time.iso(), scope.scope(), signature);
        return new AuthResult.Authenticated(scope.accessKeyId(), SignatureVersion.V4, presigned,
                scope.region(), payload.mode(), payload.expectedSha256(), payload.decodedLength(),
                chunks);
    }

    private Timestamp headerTime(RequestView request) throws SigV4Exception {
        String amzDate = request.header("x-amz-date");
        if (amzDate != null) {
            long t = AmzDate.parseIsoBasic(amzDate);
            if (t == AmzDate.INVALID) {
                throw new SigV4Exception(AuthError.AccessDenied, BAD_DATE);
            }
            return new Timestamp(t, amzDate, "x-amz-date");
        }
        long t = AmzDate.parseHttpDate(request.header("date"));
        if (t == AmzDate.INVALID) {
            throw new SigV4Exception(AuthError.AccessDenied, BAD_DATE);
        }
        return new Timestamp(t, AmzDate.formatIsoBasic(t), "date");
    }

    /** The credential's date must be the request's, its service ours, its terminator fixed. */
    private void checkScope(CredentialScope scope, String timestamp, AuthError error)
            throws SigV4Exception {
        if (!timestamp.startsWith(scope.date()) || scope.date().length() != 8) {
            throw new SigV4Exception(error, "Invalid credential date \"" + scope.date()
                    + "\". This date is not the same as X-Amz-Date: \""
                    + timestamp.substring(0, Math.min(8, timestamp.length())) + "\".");
        }
        if (!scope.service().equals(options.service())) {
            throw new SigV4Exception(error, "The authorization header is malformed; incorrect"
                    + " service \"" + scope.service() + "\". This endpoint belongs to \""
                    + options.service() + "\".");
        }
        if (!scope.terminator().equals(Canonical.TERMINATOR)) {
            throw new SigV4Exception(error, "The authorization header is malformed; incorrect"
                    + " terminal \"" + scope.terminator() + "\". This endpoint uses"
                    + " \"aws4_request\".");
        }
    }

    /**
     * Host must be signed, and so must every x-amz-* header and the date header used ("If you
     * include a date or x-amz-date header, you must also include that header in the list of
     * signed headers", Amazon S3 API Reference). x-amz-content-sha256 is exempt: its value is
     * the payload hash line of the canonical request anyway.
     */
    private void checkSignedHeaders(RequestView request, List<String> signed, String dateHeader)
            throws SigV4Exception {
        if (!signed.contains("host")) {
            throw notSigned("host");
        }
        if (dateHeader != null && !signed.contains(dateHeader)) {
            throw notSigned(dateHeader);
        }
        for (String name : request.headerNames()) {
            if (name.regionMatches(true, 0, "x-amz-", 0, 6)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!signed.contains(lower) && !lower.equals("x-amz-content-sha256")
                        && !(options.omitSessionToken() && lower.equals("x-amz-security-token"))) {
                    throw notSigned(lower);
                }
            }
        }
    }

    private static SigV4Exception notSigned(String header) {
        return new SigV4Exception(AuthError.AccessDenied, NOT_SIGNED,
                Map.of("HeadersNotSigned", header));
    }

    private Payload headerPayload(RequestView request) throws SigV4Exception {
        String value = request.header("x-amz-content-sha256");
        if (value == null) {
            if (options.requireContentSha256()) {
                throw new SigV4Exception(AuthError.InvalidRequest,
                        "Missing required header for this request: x-amz-content-sha256");
            }
            value = options.payloadHashWhenAbsent();
        }
        return payload(request, value);
    }

    private Payload queryPayload(RequestView request, QueryParameters query)
            throws SigV4Exception {
        String value = query.first("X-Amz-Content-Sha256");
        Payload payload = payload(request, value == null ? options.payloadHashWhenAbsent() : value);
        if (payload.mode().hasChunkSignatures()) {
            throw new SigV4Exception(AuthError.InvalidRequest, "Signed streaming payloads ("
                    + payload.signed() + ") are not supported with presigned URLs.");
        }
        return payload;
    }

    private static Payload payload(RequestView request, String value) throws SigV4Exception {
        PayloadMode mode = PayloadMode.parse(value);
        String expected = mode == PayloadMode.SIGNED_PAYLOAD ? value.toLowerCase(Locale.ROOT) : null;
        long decodedLength = mode.isStreaming() ? decodedLength(request) : -1;
        return new Payload(mode, value, expected, decodedLength);
    }

    private static long decodedLength(RequestView request) throws SigV4Exception {
        String value = request.header("x-amz-decoded-content-length");
        if (value == null) {
            throw new SigV4Exception(AuthError.MissingContentLength, "An aws-chunked upload"
                    + " requires the x-amz-decoded-content-length header.");
        }
        long length = parseNonNegative(value.strip());
        if (length < 0) {
            throw new SigV4Exception(AuthError.InvalidArgument,
                    "x-amz-decoded-content-length must be a non-negative integer.",
                    Map.of("ArgumentName", "x-amz-decoded-content-length",
                            "ArgumentValue", value));
        }
        return length;
    }

    private long expires(String value) throws SigV4Exception {
        long seconds = parseNonNegative(value);
        if (seconds < 0) {
            throw queryError(value.startsWith("-") ? "X-Amz-Expires must be non-negative"
                    : "X-Amz-Expires should be a number");
        }
        if (seconds < 1) {
            throw queryError("X-Amz-Expires must be at least 1 second");
        }
        if (seconds > options.maxPresignExpirySeconds()) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is "
                    + options.maxPresignExpirySeconds());
        }
        return seconds;
    }

    private void checkPresignWindow(long signedAt, long lifetime, String expires)
            throws SigV4Exception {
        long now = clock.instant().getEpochSecond();
        if (now < signedAt - options.allowedClockSkew().toSeconds()) {
            throw new SigV4Exception(AuthError.AccessDenied, "Request is not valid yet");
        }
        if (now > signedAt + lifetime) {
            throw new SigV4Exception(AuthError.AccessDenied, "Request has expired",
                    Map.of("X-Amz-Expires", expires,
                            "Expires", AmzDate.formatIsoBasic(signedAt + lifetime),
                            "ServerTime", AmzDate.formatIsoBasic(now)));
        }
    }

    /** Decimal digits only, at most 18 of them; -1 otherwise. */
    static long parseNonNegative(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static SigV4Exception queryError(String message) {
        return new SigV4Exception(AuthError.AuthorizationQueryParametersError, message);
    }

    /** The result for a request without authentication, with its payload declaration if any. */
    static AuthResult anonymous(RequestView request) throws SigV4Exception {
        String value = request.header("x-amz-content-sha256");
        if (value == null) {
            return AuthResult.Anonymous.PLAIN;
        }
        Payload payload = payload(request, value);
        if (payload.mode().hasChunkSignatures()) {
            throw new SigV4Exception(AuthError.AccessDenied,
                    "Signed streaming payloads require a signed request.");
        }
        return new AuthResult.Anonymous(payload.mode(), payload.expectedSha256(),
                payload.decodedLength());
    }
}
