package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.checksum.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the aws-c-auth suite (shared/sigv4-vectors), in both forms: the signer reproduces
 * the canonical request, string to sign and signature; the verifier, configured as the case's
 * context says, accepts the signed request and rejects it after any single changed byte of a
 * signed component.
 */
class SigV4VectorsTest {

    static List<VectorSuite.Case> cases() {
        return VectorSuite.cases();
    }

    @Test
    void theSuiteIsFoundAndComplete() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
        for (VectorSuite.Case c : cases()) {
            assertThat(c.dir().resolve("header-signed-request.txt")).exists();
            assertThat(c.dir().resolve("query-signed-request.txt")).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signerReproducesHeaderSigning(VectorSuite.Case c) {
        SigV4Signer.SignedRequest signed = signer(c).sign(c.request().view(),
                Digests.sha256Hex(c.request().body()), c.context().timestamp());

        assertThat(signed.canonicalRequest()).isEqualTo(c.read("header-canonical-request.txt"));
        assertThat(signed.stringToSign()).isEqualTo(c.read("header-string-to-sign.txt"));
        assertThat(signed.signature()).isEqualTo(c.read("header-signature.txt"));
        RawHttpRequest expected = c.readRequest("header-signed-request.txt");
        signed.headersToAdd().forEach((name, value) ->
                assertThat(expected.header(name)).as(name).isEqualTo(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signerReproducesQuerySigning(VectorSuite.Case c) {
        SigV4Signer.PresignedRequest presigned = signer(c).presign(c.request().view(),
                c.context().timestamp(), Duration.ofSeconds(c.context().expirationSeconds()),
                Digests.sha256Hex(c.request().body()));

        assertThat(presigned.canonicalRequest()).isEqualTo(c.read("query-canonical-request.txt"));
        assertThat(presigned.stringToSign()).isEqualTo(c.read("query-string-to-sign.txt"));
        assertThat(presigned.signature()).isEqualTo(c.read("query-signature.txt"));
        RawHttpRequest expected = c.readRequest("query-signed-request.txt");
        assertThat(QueryParameters.parse(presigned.rawQuery()).all())
                .containsExactlyInAnyOrderElementsOf(
                        QueryParameters.parse(expected.rawQuery()).all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAcceptsTheHeaderSignedRequest(VectorSuite.Case c) throws Exception {
        assertAccepted(c, c.readRequest("header-signed-request.txt"), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAcceptsTheQuerySignedRequest(VectorSuite.Case c) throws Exception {
        assertAccepted(c, c.readRequest("query-signed-request.txt"), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySignedByteOfTheHeaderFormIsCovered(VectorSuite.Case c) {
        RawHttpRequest signed = c.readRequest("header-signed-request.txt");
        String authorization = signed.header("Authorization");
        List<String> signedHeaders = Canonical.signedHeaders(
                authorization.substring(authorization.indexOf("SignedHeaders=") + 14,
                        authorization.indexOf(", Signature=")));
        List<String> failures = mutationFailures(c, signed, signedHeaders);
        int at = signed.headerIndexes("Authorization").get(0);
        for (String variant : Mutations.flipEach(authorization)) {
            expectRejected(c, signed.withHeaderAt(at, variant), "Authorization " + variant,
                    failures);
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySignedByteOfTheQueryFormIsCovered(VectorSuite.Case c) {
        RawHttpRequest signed = c.readRequest("query-signed-request.txt");
        List<String> signedHeaders = Canonical.signedHeaders(
                QueryParameters.parse(signed.rawQuery()).first("X-Amz-SignedHeaders"));
        assertThat(mutationFailures(c, signed, signedHeaders)).isEmpty();
    }

    @Test
    void withoutTheOmitOptionAnUnsignedSessionTokenParameterIsRejected() {
        VectorSuite.Case c = cases().stream()
                .filter(x -> x.context().omitSessionToken()).findFirst().orElseThrow();
        RawHttpRequest signed = c.readRequest("query-signed-request.txt");
        SigV4Verifier strict = new SigV4Verifier(secrets(c),
                FixedClock.at(c.context().timestamp()), options(c, signed.body())
                        .withOmitSessionToken(false));

        assertThatThrownBy(() -> strict.verify(signed.view()))
                .isInstanceOfSatisfying(SigV4Exception.class, e ->
                        assertThat(e.error()).isEqualTo(AuthError.SignatureDoesNotMatch));
    }

    private static void assertAccepted(VectorSuite.Case c, RawHttpRequest signed, boolean query)
            throws Exception {
        AuthResult result = verifier(c, signed.body()).verify(signed.view());

        assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class, a -> {
            assertThat(a.accessKeyId()).isEqualTo(c.context().accessKeyId());
            assertThat(a.region()).isEqualTo(c.context().region());
            assertThat(a.version()).isEqualTo(SignatureVersion.V4);
            assertThat(a.presigned()).isEqualTo(query);
        });
        assertThat(decode(result, signed, signed.body())).isEqualTo(signed.body());
        if (signed.body().length > 0) {
            byte[] tampered = signed.body().clone();
            tampered[0] ^= 1;
            assertThatThrownBy(() -> decode(result, signed, tampered))
                    .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.error())
                            .isEqualTo(AuthError.XAmzContentSHA256Mismatch));
        }
    }

    /**
     * Flips each character of the method, path, query and every value of every signed header.
     * A path change the normalization removes (a segment under "..") changes nothing signed: it
     * must then be accepted, and can only happen for normalizing cases.
     */
    private static List<String> mutationFailures(VectorSuite.Case c, RawHttpRequest signed,
            List<String> signedHeaders) {
        List<String> failures = new ArrayList<>();
        for (String method : Mutations.flipEach(signed.method())) {
            expectRejected(c, signed.withMethod(method), "method " + method, failures);
        }
        boolean normalize = c.context().normalize();
        String canonicalPath = UriEncoding.canonicalUri(signed.rawPath(), normalize);
        for (String path : Mutations.flipEach(signed.rawPath())) {
            if (UriEncoding.canonicalUri(path, normalize).equals(canonicalPath)) {
                if (!normalize) {
                    failures.add("path " + path + " has the canonical form of the original");
                }
                expectAccepted(c, signed.withPath(path), "path " + path, failures);
            } else {
                expectRejected(c, signed.withPath(path), "path " + path, failures);
            }
        }
        String query = signed.rawQuery();
        if (query != null) {
            int[] unsignedToken = unsignedTokenRange(c, query);
            for (int i = 0; i < query.length(); i++) {
                if (i < unsignedToken[0] || i >= unsignedToken[1]) {
                    String variant = Mutations.flipAt(query, i);
                    expectRejected(c, signed.withQuery(variant), "query " + variant, failures);
                }
            }
        }
        for (String name : signedHeaders) {
            for (int index : signed.headerIndexes(name)) {
                String value = signed.headers().get(index).getValue();
                for (String variant : Mutations.flipEach(value)) {
                    expectRejected(c, signed.withHeaderAt(index, variant),
                            name + ": " + variant, failures);
                }
            }
        }
        return failures;
    }

    /** The value of X-Amz-Security-Token when the case adds it after signing, else empty. */
    private static int[] unsignedTokenRange(VectorSuite.Case c, String query) {
        int at = query.indexOf("X-Amz-Security-Token=");
        if (!c.context().omitSessionToken() || at < 0) {
            return new int[] {0, 0};
        }
        int start = at + "X-Amz-Security-Token=".length();
        int end = query.indexOf('&', start);
        return new int[] {start, end < 0 ? query.length() : end};
    }

    private static void expectRejected(VectorSuite.Case c, RawHttpRequest request,
            String change, List<String> failures) {
        try {
            verifier(c, request.body()).verify(request.view());
            failures.add("accepted after changing " + change);
        } catch (SigV4Exception expected) {
            // rejected, as it must be
        }
    }

    private static void expectAccepted(VectorSuite.Case c, RawHttpRequest request,
            String change, List<String> failures) {
        try {
            verifier(c, request.body()).verify(request.view());
        } catch (SigV4Exception e) {
            failures.add("rejected (" + e.error() + ") after the no-op change " + change);
        }
    }

    private static byte[] decode(AuthResult result, RawHttpRequest request, byte[] body)
            throws IOException {
        try (PayloadInputStream in = PayloadStreams.decode(result, request.view(),
                new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static SigV4Signer signer(VectorSuite.Case c) {
        VectorSuite.Context ctx = c.context();
        return new SigV4Signer(
                new SigningCredentials(ctx.accessKeyId(), ctx.secretAccessKey(), ctx.token()),
                ctx.region(), ctx.service(),
                new SigV4Signer.Options(ctx.normalize(), ctx.signBody(), ctx.omitSessionToken()));
    }

    private static SigV4Verifier verifier(VectorSuite.Case c, byte[] body) {
        return new SigV4Verifier(secrets(c), FixedClock.at(c.context().timestamp()),
                options(c, body));
    }

    /**
     * What the generic-service vectors need: their normalization, no required
     * x-amz-content-sha256, their service name, the body's hash as the payload hash, and the
     * IoT-style token handling where the case asks for it.
     */
    private static SigV4Verifier.Options options(VectorSuite.Case c, byte[] body) {
        VectorSuite.Context ctx = c.context();
        return SigV4Verifier.Options.s3()
                .withNormalizePath(ctx.normalize())
                .withRequireContentSha256(false)
                .withService(ctx.service())
                .withPayloadHashWhenAbsent(Digests.sha256Hex(body))
                .withOmitSessionToken(ctx.omitSessionToken());
    }

    private static SecretLookup secrets(VectorSuite.Case c) {
        return key -> key.equals(c.context().accessKeyId())
                ? Optional.of(c.context().secretAccessKey()) : Optional.empty();
    }
}
