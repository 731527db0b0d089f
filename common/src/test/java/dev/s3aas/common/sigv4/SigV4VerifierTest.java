package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header and query authentication failures: each maps to the S3 error code AWS returns. */
class SigV4VerifierTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String KEY = "AKIDTEST";
    static final String SECRET = "secret/with+chars";
    static final SigV4Signer SIGNER =
            new SigV4Signer(new SigningCredentials(KEY, SECRET), "us-west-2", "s3");
    static final SecretLookup SECRETS =
            key -> key.equals(KEY) ? Optional.of(SECRET) : Optional.empty();

    static SigV4Verifier verifier(Instant now) {
        return new SigV4Verifier(SECRETS, FixedClock.at(now));
    }

    static final List<Map.Entry<String, String>> BASE = List.of(
            Map.entry("Host", "bucket.s3.example.com"),
            Map.entry("x-amz-meta-color", "blue"));

    /** A GET signed at {@code at} with the Authorization header, as a mutable raw request. */
    static RawHttpRequest signedGet(Instant at) {
        RequestView unsigned = RequestView.of("GET", "/key", "versionId=3", BASE);
        SigV4Signer.SignedRequest signed = SIGNER.sign(unsigned, "UNSIGNED-PAYLOAD", at);
        List<Map.Entry<String, String>> headers = new ArrayList<>(BASE);
        headers.addAll(signed.headersToAdd().entrySet());
        return new RawHttpRequest("GET", "/key", "versionId=3", headers, new byte[0]);
    }

    static RawHttpRequest presignedGet(Instant at, Duration expires) {
        RequestView unsigned = RequestView.of("GET", "/key", null,
                List.of(Map.entry("Host", "bucket.s3.example.com")));
        String query = SIGNER.presign(unsigned, at, expires).rawQuery();
        return new RawHttpRequest("GET", "/key", query, unsigned.headerValues("host").stream()
                .map(h -> Map.entry("Host", h)).toList(), new byte[0]);
    }

    static RawHttpRequest withAuthorization(RawHttpRequest request, UnaryOperator<String> edit) {
        int index = request.headerIndexes("Authorization").get(0);
        return request.withHeaderAt(index, edit.apply(request.header("Authorization")));
    }

    static SigV4Exception rejection(SigV4Verifier verifier, RawHttpRequest request) {
        try {
            verifier.verify(request.view());
        } catch (SigV4Exception e) {
            return e;
        }
        throw new AssertionError("accepted: " + request);
    }

    static void assertError(RawHttpRequest request, AuthError error, String message) {
        SigV4Exception e = rejection(verifier(NOW), request);
        assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void aSignedRequestIsAuthenticated() throws Exception {
        AuthResult result = verifier(NOW).verify(signedGet(NOW).view());

        assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class, a -> {
            assertThat(a.accessKeyId()).isEqualTo(KEY);
            assertThat(a.region()).isEqualTo("us-west-2");
            assertThat(a.presigned()).isFalse();
            assertThat(a.payloadMode()).isEqualTo(PayloadMode.UNSIGNED_PAYLOAD);
            assertThat(a.chunkSigning().scope()).isEqualTo("20250601/us-west-2/s3/aws4_request");
        });
    }

    @Test
    void noAuthenticationIsAnonymous() throws Exception {
        assertThat(verifier(NOW).verify(RequestView.of("GET", "/b/k", null, BASE)))
                .isEqualTo(AuthResult.Anonymous.PLAIN);
    }

    @ParameterizedTest(name = "{0} seconds off")
    @CsvSource({"900, true", "-900, true", "901, false", "-901, false"})
    void clockSkewIsFifteenMinutes(long offset, boolean accepted) {
        RawHttpRequest request = signedGet(NOW.plusSeconds(offset));
        if (accepted) {
            assertThat(rejectionOrNull(verifier(NOW), request)).isNull();
        } else {
            assertThat(rejection(verifier(NOW), request).error())
                    .isEqualTo(AuthError.RequestTimeTooSkewed);
        }
    }

    @Test
    void theAllowedSkewIsAnOption() {
        SigV4Verifier strict = new SigV4Verifier(SECRETS, FixedClock.at(NOW),
                SigV4Verifier.Options.s3().withAllowedClockSkew(Duration.ofSeconds(5)));
        assertThat(rejection(strict, signedGet(NOW.minusSeconds(6))).error())
                .isEqualTo(AuthError.RequestTimeTooSkewed);
    }

    @Test
    void missingOrBadDateIsAccessDenied() {
        RawHttpRequest signed = signedGet(NOW);
        int at = signed.headerIndexes("X-Amz-Date").get(0);
        assertError(signed.withHeaderAt(at, "2025-06-01T12:00:00Z"), AuthError.AccessDenied,
                "valid Date or x-amz-date");
        List<Map.Entry<String, String>> noDate = new ArrayList<>(signed.headers());
        noDate.remove(at);
        assertError(new RawHttpRequest("GET", "/key", "versionId=3", noDate, new byte[0]),
                AuthError.AccessDenied, "valid Date or x-amz-date");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing SignedHeaders | , SignedHeaders=[^,]*| | three components",
        "missing Signature | , Signature=.*| | three components",
        "empty SignedHeaders | SignedHeaders=[^,]*|SignedHeaders= | SignedHeaders must be",
        "credential with 4 parts | /aws4_request| | Credential is mal-formed",
        "credential date not the request date | /2025060[1]/|/20250602/ | Invalid credential date",
        "wrong service | /s3/|/iam/ | incorrect service \"iam\"",
        "wrong terminator | aws4_request|aws5_request | incorrect terminal",
        "unknown component | , Signature=|, Foo=bar, Signature= | must have the form",
        "no space after algorithm | AWS4-HMAC-SHA256 |AWS4-HMAC-SHA256, | must have the form"})
    void malformedAuthorizationHeaders(String name, String regex, String replacement,
            String message) {
        RawHttpRequest request = withAuthorization(signedGet(NOW),
                h -> h.replaceFirst(regex, replacement == null ? "" : replacement));
        assertError(request, AuthError.AuthorizationHeaderMalformed, message);
    }

    @Test
    void anEmptyRegionIsAcceptedAsMinioDoes() throws Exception {
        // MinIO's Java admin client signs with region "" unless configured otherwise.
        SigV4Signer noRegion = new SigV4Signer(new SigningCredentials(KEY, SECRET), "", "s3");
        RequestView unsigned = RequestView.of("GET", "/key", null, BASE);
        List<Map.Entry<String, String>> headers = new ArrayList<>(BASE);
        headers.addAll(noRegion.sign(unsigned, "UNSIGNED-PAYLOAD", NOW).headersToAdd().entrySet());
        RawHttpRequest request = new RawHttpRequest("GET", "/key", null, headers, new byte[0]);
        assertThat(request.header("Authorization")).contains("/20250601//s3/aws4_request");
        AuthResult result = verifier(NOW).verify(request.view());
        assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class,
                a -> assertThat(a.region()).isEmpty());
    }

    @Test
    void spacesAfterCommasAreOptional() {
        RawHttpRequest tight = withAuthorization(signedGet(NOW), h -> h.replace(", ", ","));
        RawHttpRequest loose = withAuthorization(signedGet(NOW), h -> h.replace(", ", " ,   "));

        assertThat(rejectionOrNull(verifier(NOW), tight)).isNull();
        assertThat(rejectionOrNull(verifier(NOW), loose)).isNull();
    }

    @Test
    void unknownAccessKeyIsInvalidAccessKeyId() {
        RawHttpRequest request = withAuthorization(signedGet(NOW),
                h -> h.replace("Credential=AKIDTEST", "Credential=AKIDOTHER"));
        assertError(request, AuthError.InvalidAccessKeyId, "does not exist");
    }

    @Test
    void aWrongSignatureCarriesTheCanonicalRequestForDebugging() {
        RawHttpRequest request = withAuthorization(signedGet(NOW),
                h -> h.substring(0, h.length() - 64) + "0".repeat(64));
        SigV4Exception e = rejection(verifier(NOW), request);

        assertThat(e.error()).isEqualTo(AuthError.SignatureDoesNotMatch);
        assertThat(e.details().get("CanonicalRequest")).startsWith("GET\n/key\nversionId=3\n");
        assertThat(e.details().get("StringToSign")).startsWith("AWS4-HMAC-SHA256\n");
    }

    @Test
    void anUpperCaseSignatureDoesNotMatch() {
        RawHttpRequest request = withAuthorization(signedGet(NOW), h -> {
            int at = h.indexOf("Signature=") + 10;
            return h.substring(0, at) + h.substring(at).toUpperCase();
        });
        assertError(request, AuthError.SignatureDoesNotMatch, "does not match");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AWS4-HMAC-SHA512 Credential=a/b/c/s3/aws4_request | InvalidArgument",
        "Bearer token | InvalidArgument",
        "AWS4-ECDSA-P256-SHA256 Credential=a/b/s3/aws4_request | NotImplemented"})
    void unsupportedAlgorithms(String authorization, AuthError error) {
        RawHttpRequest request = withAuthorization(signedGet(NOW), h -> authorization);
        assertThat(rejection(verifier(NOW), request).error()).isEqualTo(error);
    }

    @Test
    void headerAndQueryAuthenticationTogetherIsInvalid() {
        RawHttpRequest presigned = presignedGet(NOW, Duration.ofMinutes(5));
        RawHttpRequest both = signedGet(NOW).withQuery(presigned.rawQuery());
        assertError(both, AuthError.InvalidArgument, "Only one auth mechanism");
    }

    @Test
    void hostAndAmzHeadersMustBeSigned() {
        RawHttpRequest signed = signedGet(NOW);
        List<Map.Entry<String, String>> extra = new ArrayList<>(signed.headers());
        extra.add(Map.entry("X-Amz-Meta-Late", "1"));
        SigV4Exception e = rejection(verifier(NOW), new RawHttpRequest("GET", "/key",
                "versionId=3", extra, new byte[0]));
        assertThat(e.error()).isEqualTo(AuthError.AccessDenied);
        assertThat(e.details()).containsEntry("HeadersNotSigned", "x-amz-meta-late");

        RawHttpRequest hostless = withAuthorization(signed,
                h -> h.replace("SignedHeaders=host;", "SignedHeaders="));
        assertThat(rejection(verifier(NOW), hostless).details())
                .containsEntry("HeadersNotSigned", "host");
    }

    @Test
    void otherHeadersMayBeAddedUnsigned() {
        RawHttpRequest signed = signedGet(NOW);
        List<Map.Entry<String, String>> extra = new ArrayList<>(signed.headers());
        extra.add(Map.entry("User-Agent", "curl"));
        assertThat(rejectionOrNull(verifier(NOW),
                new RawHttpRequest("GET", "/key", "versionId=3", extra, new byte[0]))).isNull();
    }

    @ParameterizedTest(name = "x-amz-content-sha256: {0}")
    @CsvSource(delimiter = '|', value = {
        "abc | InvalidArgument",
        "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD | NotImplemented",
        "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER | NotImplemented",
        "streaming-aws4-hmac-sha256-payload | InvalidArgument"})
    void invalidPayloadDeclarations(String value, AuthError error) {
        RequestView unsigned = RequestView.of("PUT", "/k", null, BASE);
        SigV4Signer.SignedRequest signed = SIGNER.sign(unsigned, value, NOW);
        List<Map.Entry<String, String>> headers = new ArrayList<>(BASE);
        headers.addAll(signed.headersToAdd().entrySet());
        assertThat(rejection(verifier(NOW), new RawHttpRequest("PUT", "/k", null, headers,
                new byte[0])).error()).isEqualTo(error);
    }

    @Test
    void payloadHashHeaderIsRequiredForS3() {
        SigV4Signer noHash = new SigV4Signer(new SigningCredentials(KEY, SECRET), "us-west-2",
                "s3", new SigV4Signer.Options(false, false, false));
        RequestView unsigned = RequestView.of("GET", "/k", null, BASE);
        List<Map.Entry<String, String>> headers = new ArrayList<>(BASE);
        headers.addAll(noHash.sign(unsigned, "UNSIGNED-PAYLOAD", NOW).headersToAdd().entrySet());
        assertError(new RawHttpRequest("GET", "/k", null, headers, new byte[0]),
                AuthError.InvalidRequest, "Missing required header for this request:"
                        + " x-amz-content-sha256");
    }

    @Test
    void streamingNeedsTheDecodedLength() {
        RequestView unsigned = RequestView.of("PUT", "/k", null, BASE);
        List<Map.Entry<String, String>> headers = new ArrayList<>(BASE);
        headers.addAll(SIGNER.sign(unsigned, PayloadMode.STREAMING_SIGNED.headerValue(), NOW)
                .headersToAdd().entrySet());
        assertError(new RawHttpRequest("PUT", "/k", null, headers, new byte[0]),
                AuthError.MissingContentLength, "x-amz-decoded-content-length");
    }

    @Test
    void aSignedPayloadHashIsReturnedLowerCase() throws Exception {
        String hash = "A".repeat(64);
        RequestView unsigned = RequestView.of("PUT", "/k", null, BASE);
        List<Map.Entry<String, String>> headers = new ArrayList<>(BASE);
        headers.addAll(SIGNER.sign(unsigned, hash, NOW).headersToAdd().entrySet());
        AuthResult result = verifier(NOW).verify(RequestView.of("PUT", "/k", null, headers));
        assertThat(result.payloadMode()).isEqualTo(PayloadMode.SIGNED_PAYLOAD);
        assertThat(result.expectedPayloadSha256()).isEqualTo("a".repeat(64));
    }

    // --- Query (presigned) authentication ---

    @Test
    void presignedUrlExpiresAfterItsLifetime() throws Exception {
        RawHttpRequest request = presignedGet(NOW, Duration.ofSeconds(60));
        assertThat(verifier(NOW.plusSeconds(60)).verify(request.view()))
                .isInstanceOf(AuthResult.Authenticated.class);
        SigV4Exception e = rejection(verifier(NOW.plusSeconds(61)), request);
        assertThat(e.error()).isEqualTo(AuthError.AccessDenied);
        assertThat(e.getMessage()).isEqualTo("Request has expired");
    }

    @Test
    void presignedUrlFromTheFutureIsNotValidYet() {
        RawHttpRequest request = presignedGet(NOW.plusSeconds(901), Duration.ofHours(1));
        SigV4Exception e = rejection(verifier(NOW), request);
        assertThat(e.error()).isEqualTo(AuthError.AccessDenied);
        assertThat(e.getMessage()).isEqualTo("Request is not valid yet");
    }

    @ParameterizedTest(name = "X-Amz-Expires={0}")
    @CsvSource({"604801, less than a week", "0, at least 1", "-5, non-negative",
        "abc, should be a number", "99999999999999999999, should be a number"})
    void expiresMustBeBetweenOneSecondAndAWeek(String expires, String message) {
        RawHttpRequest request = presignedGet(NOW, Duration.ofSeconds(60));
        RawHttpRequest changed = request.withQuery(
                request.rawQuery().replace("X-Amz-Expires=60", "X-Amz-Expires=" + expires));
        assertError(changed, AuthError.AuthorizationQueryParametersError, message);
    }

    @Test
    void aWeekIsTheLongestLifetime() throws Exception {
        RawHttpRequest request = presignedGet(NOW, Duration.ofSeconds(604_800));
        assertThat(verifier(NOW.plusSeconds(604_800)).verify(request.view()))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing signed headers | &X-Amz-SignedHeaders=host | | requires the X-Amz-Algorithm",
        "missing signature | &X-Amz-Signature=[0-9a-f]+ | | requires the X-Amz-Algorithm",
        "other algorithm | AWS4-HMAC-SHA256 | AWS4-HMAC-SHA1 | only supports",
        "bad date | X-Amz-Date=20250601T | X-Amz-Date=2025-06-01T | ISO8601",
        "credential date | %2F20250601%2F | %2F20250602%2F | Invalid credential date",
        "service | %2Fs3%2F | %2Fsts%2F | incorrect service",
        "credential shape | %2Faws4_request | | Credential is mal-formed"})
    void malformedQueryParameters(String name, String regex, String replacement,
            String message) {
        RawHttpRequest request = presignedGet(NOW, Duration.ofSeconds(60));
        RawHttpRequest changed = request.withQuery(request.rawQuery()
                .replaceFirst(regex, replacement == null ? "" : replacement));
        assertError(changed, AuthError.AuthorizationQueryParametersError, message);
    }

    @Test
    void ecdsaPresignedUrlsAreNotImplemented() {
        RawHttpRequest request = presignedGet(NOW, Duration.ofSeconds(60));
        RawHttpRequest changed = request.withQuery(request.rawQuery()
                .replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"));
        assertThat(rejection(verifier(NOW), changed).error()).isEqualTo(AuthError.NotImplemented);
    }

    @Test
    void presignedUrlsCannotCarrySignedChunks() {
        RequestView unsigned = RequestView.of("PUT", "/key", null,
                List.of(Map.entry("Host", "h"), Map.entry("x-amz-decoded-content-length", "1")));
        String query = SIGNER.presign(unsigned, NOW, Duration.ofMinutes(1),
                PayloadMode.STREAMING_SIGNED.headerValue()).rawQuery()
                + "&X-Amz-Content-Sha256=" + PayloadMode.STREAMING_SIGNED.headerValue();
        RawHttpRequest request = new RawHttpRequest("PUT", "/key", query,
                List.of(Map.entry("Host", "h"), Map.entry("x-amz-decoded-content-length", "1")),
                new byte[0]);
        assertError(request, AuthError.InvalidRequest, "presigned");
    }

    @Test
    void unsignedAmzHeadersAreRejectedOnPresignedUrlsToo() {
        RawHttpRequest request = presignedGet(NOW, Duration.ofSeconds(60));
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        headers.add(Map.entry("x-amz-acl", "public-read"));
        SigV4Exception e = rejection(verifier(NOW), new RawHttpRequest("GET", "/key",
                request.rawQuery(), headers, new byte[0]));
        assertThat(e.details()).containsEntry("HeadersNotSigned", "x-amz-acl");
    }

    static SigV4Exception rejectionOrNull(SigV4Verifier verifier, RawHttpRequest request) {
        try {
            verifier.verify(request.view());
            return null;
        } catch (SigV4Exception e) {
            return e;
        }
    }
}
