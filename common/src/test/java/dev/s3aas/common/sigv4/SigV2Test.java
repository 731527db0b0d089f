package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signature Version 2, with the examples of "Signing and authenticating REST requests" (Amazon
 * S3 User Guide): bucket awsexamplebucket1, virtual-hosted, keys AKIAIOSFODNN7EXAMPLE.
 */
class SigV2Test {
    static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String BUCKET = "awsexamplebucket1";

    static SigV4Verifier verifier(String now) {
        return new SigV4Verifier(key -> key.equals(KEY) ? Optional.of(SECRET) : Optional.empty(),
                FixedClock.at(now));
    }

    /** A documented request: its headers before signing, string to sign and signature. */
    record Example(String name, String method, String path, String query,
            List<Map.Entry<String, String>> headers, String now, String stringToSign,
            String signature) {
        @Override
        public String toString() {
            return name;
        }

        RawHttpRequest signed() {
            List<Map.Entry<String, String>> all = new ArrayList<>(headers);
            all.add(Map.entry("Authorization", "AWS " + KEY + ":" + signature));
            return new RawHttpRequest(method, path, query, all, new byte[0]);
        }
    }

    static Stream<Example> examples() {
        return Stream.of(
                new Example("Object GET", "GET", "/photos/puppy.jpg", null, List.of(
                        Map.entry("Host", "awsexamplebucket1.us-west-1.s3.amazonaws.com"),
                        Map.entry("Date", "Tue, 27 Mar 2007 19:36:42 +0000")),
                        "2007-03-27T19:36:42Z",
                        "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n"
                                + "/awsexamplebucket1/photos/puppy.jpg",
                        "qgk2+6Sv9/oM7G3qLEjTH1a1l1g="),
                new Example("Object PUT", "PUT", "/photos/puppy.jpg", null, List.of(
                        Map.entry("Content-Type", "image/jpeg"),
                        Map.entry("Content-Length", "94328"),
                        Map.entry("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com"),
                        Map.entry("Date", "Tue, 27 Mar 2007 21:15:45 +0000")),
                        "2007-03-27T21:15:45Z",
                        "PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n"
                                + "/awsexamplebucket1/photos/puppy.jpg",
                        "iqRzw+ileNPu1fhspnRs8nOjjIA="),
                new Example("List", "GET", "/", "prefix=photos&max-keys=50&marker=puppy",
                        List.of(Map.entry("User-Agent", "Mozilla/5.0"),
                                Map.entry("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com"),
                                Map.entry("Date", "Tue, 27 Mar 2007 19:42:41 +0000")),
                        "2007-03-27T19:42:41Z",
                        "GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/awsexamplebucket1/",
                        "m0WP8eCtspQl5Ahe6L1SozdX9YA="),
                new Example("Fetch", "GET", "/", "acl", List.of(
                        Map.entry("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com"),
                        Map.entry("Date", "Tue, 27 Mar 2007 19:44:46 +0000")),
                        "2007-03-27T19:44:46Z",
                        "GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/awsexamplebucket1/?acl",
                        "82ZHiFIjc+WbcwFKGUVEQspPn+0="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void stringToSignAndSignatureAreTheDocumentedOnes(Example example) {
        RequestView request = RequestView.of(example.method(), example.path(), example.query(),
                example.headers());
        String stringToSign = V2Verifier.stringToSign(request,
                QueryParameters.parse(example.query()), BUCKET, request.header("date"));

        assertThat(stringToSign).isEqualTo(example.stringToSign());
        assertThat(Base64.getEncoder().encodeToString(V2Verifier.hmacSha1(SECRET, stringToSign)))
                .isEqualTo(example.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void verifierAcceptsTheExampleAndRejectsChangesToWhatV2Signs(Example example)
            throws Exception {
        RawHttpRequest signed = example.signed();
        SigV4Verifier verifier = verifier(example.now());
        assertThat(verifier.verify(signed.view(), BUCKET)).isInstanceOfSatisfying(
                AuthResult.Authenticated.class, a -> {
                    assertThat(a.version()).isEqualTo(SignatureVersion.V2);
                    assertThat(a.accessKeyId()).isEqualTo(KEY);
                    assertThat(a.payloadMode()).isEqualTo(PayloadMode.UNSIGNED_PAYLOAD);
                });

        List<RawHttpRequest> variants = new ArrayList<>();
        Mutations.flipEach(signed.method()).forEach(m -> variants.add(signed.withMethod(m)));
        Mutations.flipEach(signed.rawPath()).forEach(p -> variants.add(signed.withPath(p)));
        for (String name : List.of("Content-Type", "Date", "Authorization")) {
            for (int index : signed.headerIndexes(name)) {
                Mutations.flipEach(signed.headers().get(index).getValue())
                        .forEach(v -> variants.add(signed.withHeaderAt(index, v)));
            }
        }
        if ("acl".equals(signed.rawQuery())) {
            Mutations.flipEach("acl").forEach(q -> variants.add(signed.withQuery(q)));
        }
        for (RawHttpRequest variant : variants) {
            assertThatThrownBy(() -> verifier.verify(variant.view(), BUCKET))
                    .as("%s %s?%s %s", variant.method(), variant.rawPath(), variant.rawQuery(),
                            variant.headers())
                    .isInstanceOf(SigV4Exception.class);
        }
        assertThatThrownBy(() -> verifier.verify(signed.view(), "otherbucket"))
                .isInstanceOf(SigV4Exception.class);
    }

    @Test
    void amzHeadersAndContentMd5AreSigned() {
        RequestView request = RequestView.of("PUT", "/db-backup.dat.gz", null, List.of(
                Map.entry("User-Agent", "curl/7.15.5"),
                Map.entry("Host", "static.example.com:8080"),
                Map.entry("Date", "Tue, 27 Mar 2007 21:06:08 +0000"),
                Map.entry("x-amz-acl", "public-read"),
                Map.entry("content-type", "application/x-download"),
                Map.entry("Content-MD5", "4gJE4saaMU4BqNR0kLY+lw=="),
                Map.entry("X-Amz-Meta-ReviewedBy", "joe@example.com"),
                Map.entry("X-Amz-Meta-ReviewedBy", "jane@example.com"),
                Map.entry("X-Amz-Meta-FileChecksum", "0x02661779"),
                Map.entry("X-Amz-Meta-ChecksumAlgorithm", "crc32"),
                Map.entry("Content-Disposition", "attachment; filename=database.dat"),
                Map.entry("Content-Encoding", "gzip"),
                Map.entry("Content-Length", "5913339")));

        assertThat(V2Verifier.stringToSign(request, QueryParameters.parse(null),
                "static.example.com", request.header("date"))).isEqualTo("""
                PUT
                4gJE4saaMU4BqNR0kLY+lw==
                application/x-download
                Tue, 27 Mar 2007 21:06:08 +0000
                x-amz-acl:public-read
                x-amz-meta-checksumalgorithm:crc32
                x-amz-meta-filechecksum:0x02661779
                x-amz-meta-reviewedby:joe@example.com,jane@example.com
                /static.example.com/db-backup.dat.gz""");
    }

    @Test
    void subResourcesAreSortedWithDecodedValuesAndOtherParametersLeftOut() {
        RequestView request = RequestView.of("PUT", "/bucket/dir/a%20b%2Bc.txt",
                "uploadId=abc%2Fdef&partNumber=2&x-id=UploadPart", List.of(
                        Map.entry("Date", "D"), Map.entry("x-amz-meta-b", "3")));

        assertThat(V2Verifier.stringToSign(request, QueryParameters.parse(request.rawQuery()),
                null, "D")).isEqualTo("PUT\n\n\nD\nx-amz-meta-b:3\n"
                + "/bucket/dir/a%20b%2Bc.txt?partNumber=2&uploadId=abc/def");
    }

    @Test
    void xAmzDateReplacesTheDateLine() throws Exception {
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Date", "Tue, 27 Mar 2007 21:20:27 +0000"),
                Map.entry("x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000"));
        RequestView unsigned = RequestView.of("DELETE", "/awsexamplebucket1/photos/puppy.jpg",
                null, headers);
        String stringToSign = V2Verifier.stringToSign(unsigned, QueryParameters.parse(null),
                null, "");
        assertThat(stringToSign).isEqualTo("DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26"
                + " +0000\n/awsexamplebucket1/photos/puppy.jpg");

        List<Map.Entry<String, String>> signed = new ArrayList<>(headers);
        signed.add(Map.entry("Authorization", "AWS " + KEY + ":" + Base64.getEncoder()
                .encodeToString(V2Verifier.hmacSha1(SECRET, stringToSign))));
        RequestView request = RequestView.of("DELETE", "/awsexamplebucket1/photos/puppy.jpg",
                null, signed);
        assertThat(verifier("2007-03-27T21:20:26Z").verify(request))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void presignedQueryStringExample() throws Exception {
        // The published signature of this example is for the guide's older bucket, johnsmith.
        RequestView request = RequestView.of("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620"
                        + "&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D",
                List.of(Map.entry("Host", "johnsmith.s3.amazonaws.com")));
        Instant expires = Instant.ofEpochSecond(1_175_139_620L);

        assertThat(verifier(expires.toString()).verify(request, "johnsmith"))
                .isInstanceOfSatisfying(
                AuthResult.Authenticated.class, a -> assertThat(a.presigned()).isTrue());
        assertThatThrownBy(() -> verifier(expires.plusSeconds(1).toString())
                .verify(request, "johnsmith"))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.AccessDenied);
                    assertThat(e.getMessage()).isEqualTo("Request has expired");
                });
        RequestView plusUnencoded = RequestView.of("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620"
                        + "&Signature=NpgCjnDzrM+WFzoENXmpNDUsSn8%3D", request.headerValues("host")
                        .stream().map(h -> Map.entry("Host", h)).toList());
        assertThat(verifier(expires.toString()).verify(plusUnencoded, "johnsmith"))
                .isInstanceOf(AuthResult.Authenticated.class);
        // Valid for 7 days (SigV4's limit) at most: the same URL checked 8 days before it expires is refused.
        assertThat(verifier(expires.minusSeconds(7 * 86_400).toString()).verify(request, "johnsmith"))
                .isInstanceOf(AuthResult.Authenticated.class);
        assertThatThrownBy(() -> verifier(expires.minusSeconds(8 * 86_400).toString()).verify(request, "johnsmith"))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.AccessDenied);
                    assertThat(e.getMessage()).contains("expiry");
                });
    }

    @Test
    void dateTooFarFromTheClockIsRequestTimeTooSkewed() {
        RawHttpRequest get = examples().findFirst().orElseThrow().signed();
        for (String now : List.of("2007-03-27T19:51:43Z", "2007-03-27T19:21:41Z")) {
            assertThatThrownBy(() -> verifier(now).verify(get.view(), BUCKET))
                    .isInstanceOfSatisfying(SigV4Exception.class, e -> assertThat(e.error())
                            .isEqualTo(AuthError.RequestTimeTooSkewed));
        }
    }

    @Test
    void malformedV2HeadersAndMissingParameters() {
        SigV4Verifier verifier = verifier("2007-03-27T19:36:42Z");
        RequestView noColon = RequestView.of("GET", "/", null, List.of(
                Map.entry("Date", "Tue, 27 Mar 2007 19:36:42 +0000"),
                Map.entry("Authorization", "AWS AKIAIOSFODNN7EXAMPLE")));
        RequestView missingExpires = RequestView.of("GET", "/",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=x", List.of());
        RequestView unknownKey = RequestView.of("GET", "/", null, List.of(
                Map.entry("Date", "Tue, 27 Mar 2007 19:36:42 +0000"),
                Map.entry("Authorization", "AWS AKIDUNKNOWN:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=")));

        assertError(verifier, noColon, AuthError.InvalidArgument);
        assertError(verifier, missingExpires, AuthError.AccessDenied);
        assertError(verifier, unknownKey, AuthError.InvalidAccessKeyId);
    }

    @Test
    void v2CanBeTurnedOff() {
        SigV4Verifier v4Only = new SigV4Verifier(key -> Optional.of(SECRET),
                FixedClock.at("2007-03-27T19:36:42Z"),
                SigV4Verifier.Options.s3().withAllowSigV2(false));
        RawHttpRequest get = examples().findFirst().orElseThrow().signed();

        assertError(v4Only, get.view(), AuthError.InvalidArgument);
        assertError(v4Only, RequestView.of("GET", "/",
                "AWSAccessKeyId=a&Expires=1&Signature=x", List.of()), AuthError.AccessDenied);
    }

    @Test
    void subResourceListIsSorted() throws Exception {
        var field = V2Verifier.class.getDeclaredField("SUB_RESOURCES");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) field.get(null);
        assertThat(list).isSorted();
    }

    static void assertError(SigV4Verifier verifier, RequestView request, AuthError error) {
        assertThatThrownBy(() -> verifier.verify(request, BUCKET))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }
}
