package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.common.checksum.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of the Amazon S3 API Reference: "Signature Calculations for the
 * Authorization Header: Transferring Payload in a Single Chunk", "... in Multiple Chunks
 * (Chunked Upload)", "Signature calculations for trailing headers" and "Authenticating Requests:
 * Using Query Parameters". Keys AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY,
 * region us-east-1, time 20130524T000000Z.
 */
class S3DocumentationExamplesTest {
    static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final String EMPTY = Digests.EMPTY_SHA256_HEX;
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    static final SigV4Signer SIGNER =
            new SigV4Signer(new SigningCredentials(KEY, SECRET), "us-east-1", "s3");

    static SigV4Verifier verifier(Instant now) {
        return new SigV4Verifier(
                key -> key.equals(KEY) ? Optional.of(SECRET) : Optional.empty(),
                FixedClock.at(now));
    }

    /** A single-chunk example: the request before signing and the documented signature. */
    record Example(String name, String method, String path, String query,
            List<Map.Entry<String, String>> headers, String payloadHash, String signature) {
        @Override
        public String toString() {
            return name;
        }

        RequestView unsigned() {
            return RequestView.of(method, path, query, headers);
        }

        RawHttpRequest signed() {
            List<Map.Entry<String, String>> all = new ArrayList<>(headers);
            all.add(Map.entry("x-amz-date", "20130524T000000Z"));
            all.add(Map.entry("x-amz-content-sha256", payloadHash));
            all.add(Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + SCOPE
                    + ",SignedHeaders=" + signedHeaders() + ",Signature=" + signature));
            return new RawHttpRequest(method, path, query, all, new byte[0]);
        }

        String signedHeaders() {
            return Stream.concat(headers.stream().map(h -> h.getKey().toLowerCase()),
                    Stream.of("x-amz-content-sha256", "x-amz-date")).sorted()
                    .reduce((a, b) -> a + ";" + b).orElseThrow();
        }
    }

    static Stream<Example> singleChunkExamples() {
        return Stream.of(
                new Example("GET Object", "GET", "/test.txt", null,
                        List.of(Map.entry("Host", "examplebucket.s3.amazonaws.com"),
                                Map.entry("Range", "bytes=0-9")), EMPTY,
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
                new Example("PUT Object", "PUT", "/test$file.text", null,
                        List.of(Map.entry("Host", "examplebucket.s3.amazonaws.com"),
                                Map.entry("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                                Map.entry("x-amz-storage-class", "REDUCED_REDUNDANCY")),
                        "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
                new Example("GET Bucket Lifecycle", "GET", "/", "lifecycle",
                        List.of(Map.entry("Host", "examplebucket.s3.amazonaws.com")), EMPTY,
                        "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
                new Example("Get Bucket (List Objects)", "GET", "/", "max-keys=2&prefix=J",
                        List.of(Map.entry("Host", "examplebucket.s3.amazonaws.com")), EMPTY,
                        "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleChunkExamples")
    void signerProducesTheDocumentedSignature(Example example) {
        SigV4Signer.SignedRequest signed =
                SIGNER.sign(example.unsigned(), example.payloadHash(), TIME);

        assertThat(signed.signature()).isEqualTo(example.signature());
        assertThat(signed.headersToAdd().get("Authorization")).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + SCOPE + ", SignedHeaders="
                        + example.signedHeaders() + ", Signature=" + example.signature());
    }

    @Test
    void theGetObjectCanonicalRequestIsTheDocumentedOne() {
        Example get = singleChunkExamples().findFirst().orElseThrow();
        SigV4Signer.SignedRequest signed = SIGNER.sign(get.unsigned(), EMPTY, TIME);

        assertThat(signed.canonicalRequest()).isEqualTo("""
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:%s
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                %s""".formatted(EMPTY, EMPTY));
        assertThat(signed.stringToSign()).isEqualTo("AWS4-HMAC-SHA256\n20130524T000000Z\n"
                + SCOPE + "\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    }

    @Test
    void thePutObjectPathIsEncodedAndItsBodyChecked() throws Exception {
        Example put = singleChunkExamples().skip(1).findFirst().orElseThrow();
        SigV4Signer.SignedRequest signed =
                SIGNER.sign(put.unsigned(), put.payloadHash(), TIME);
        assertThat(signed.canonicalRequest()).startsWith("PUT\n/test%24file.text\n\n");
        assertThat(signed.stringToSign()).endsWith(
                "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");

        // The client may send the '$' encoded or not: both are the same canonical path.
        RawHttpRequest request = put.signed().withPath("/test%24file.text");
        AuthResult result = verifier(TIME).verify(request.view());
        byte[] body = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
        assertThat(result.payloadMode()).isEqualTo(PayloadMode.SIGNED_PAYLOAD);
        assertThat(readAll(PayloadStreams.decode(result, request.view(),
                new ByteArrayInputStream(body)))).isEqualTo(body);
        byte[] tampered = "Welcome to Amazon S4.".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(PayloadStreams.decode(result, request.view(),
                new ByteArrayInputStream(tampered))))
                .isInstanceOfSatisfying(PayloadException.class, e ->
                        assertThat(e.error()).isEqualTo(AuthError.XAmzContentSHA256Mismatch));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleChunkExamples")
    void verifierAcceptsTheExampleAndRejectsEveryChangedByte(Example example) throws Exception {
        RawHttpRequest signed = example.signed();
        SigV4Verifier verifier = verifier(TIME);
        AuthResult result = verifier.verify(signed.view());
        assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class,
                a -> assertThat(a.accessKeyId()).isEqualTo(KEY));

        List<RawHttpRequest> variants = new ArrayList<>();
        Mutations.flipEach(signed.method()).forEach(m -> variants.add(signed.withMethod(m)));
        Mutations.flipEach(signed.rawPath()).forEach(p -> variants.add(signed.withPath(p)));
        if (signed.rawQuery() != null) {
            Mutations.flipEach(signed.rawQuery()).forEach(q -> variants.add(signed.withQuery(q)));
        }
        for (int i = 0; i < signed.headers().size(); i++) {
            int index = i;
            Mutations.flipEach(signed.headers().get(i).getValue())
                    .forEach(v -> variants.add(signed.withHeaderAt(index, v)));
        }
        for (RawHttpRequest variant : variants) {
            assertThatThrownBy(() -> verifier.verify(variant.view()))
                    .as("%s %s?%s %s", variant.method(), variant.rawPath(), variant.rawQuery(),
                            variant.headers())
                    .isInstanceOf(SigV4Exception.class);
        }
    }

    // --- Presigned URL ("Authenticating Requests: Using Query Parameters") ---

    static final String PRESIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    static final List<Map.Entry<String, String>> PRESIGNED_HEADERS =
            List.of(Map.entry("Host", "examplebucket.s3.amazonaws.com"));

    @Test
    void signerProducesTheDocumentedPresignedUrl() {
        SigV4Signer.PresignedRequest presigned = SIGNER.presign(
                RequestView.of("GET", "/test.txt", null, PRESIGNED_HEADERS), TIME,
                Duration.ofDays(1));

        assertThat(presigned.rawQuery()).isEqualTo(PRESIGNED_QUERY);
    }

    @Test
    void presignedUrlIsValidForItsLifetimeOnly() throws Exception {
        RequestView request = RequestView.of("GET", "/test.txt", PRESIGNED_QUERY,
                PRESIGNED_HEADERS);

        for (Instant now : List.of(TIME, TIME.plusSeconds(86_400), TIME.minusSeconds(900))) {
            assertThat(verifier(now).verify(request)).isInstanceOfSatisfying(
                    AuthResult.Authenticated.class, a -> {
                        assertThat(a.presigned()).isTrue();
                        assertThat(a.payloadMode()).isEqualTo(PayloadMode.UNSIGNED_PAYLOAD);
                    });
        }
        assertRejected(verifier(TIME.plusSeconds(86_401)), request, AuthError.AccessDenied,
                "Request has expired");
        assertRejected(verifier(TIME.minusSeconds(901)), request, AuthError.AccessDenied,
                "Request is not valid yet");
    }

    @Test
    void presignedUrlRejectsEveryChangedByte() {
        RawHttpRequest signed = new RawHttpRequest("GET", "/test.txt", PRESIGNED_QUERY,
                PRESIGNED_HEADERS, new byte[0]);
        SigV4Verifier verifier = verifier(TIME);
        List<RawHttpRequest> variants = new ArrayList<>();
        Mutations.flipEach(PRESIGNED_QUERY).forEach(q -> variants.add(signed.withQuery(q)));
        Mutations.flipEach(signed.rawPath()).forEach(p -> variants.add(signed.withPath(p)));
        Mutations.flipEach("examplebucket.s3.amazonaws.com")
                .forEach(h -> variants.add(signed.withHeaderAt(0, h)));
        for (RawHttpRequest variant : variants) {
            assertThatThrownBy(() -> verifier.verify(variant.view()))
                    .as(variant.rawQuery()).isInstanceOf(SigV4Exception.class);
        }
    }

    // --- Chunked upload ---

    static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final List<String> CHUNK_SIGNATURES = List.of(
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
    static final String TRAILER_SEED =
            "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
    static final List<String> TRAILER_CHUNK_SIGNATURES = List.of(
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992");
    static final String TRAILER_SIGNATURE =
            "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435";
    static final byte[] DATA = filled(65_536 + 1024);

    static List<Map.Entry<String, String>> chunkedHeaders(boolean trailer) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(
                Map.entry("Host", "s3.amazonaws.com"),
                Map.entry("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                Map.entry("Content-Encoding", "aws-chunked"),
                Map.entry("x-amz-decoded-content-length", "66560")));
        if (trailer) {
            headers.add(Map.entry("x-amz-trailer", "x-amz-checksum-crc32c"));
        } else {
            headers.add(Map.entry("Content-Length", "66824"));
        }
        return headers;
    }

    static RawHttpRequest chunkedRequest(boolean trailer, byte[] body) {
        PayloadMode mode = trailer ? PayloadMode.STREAMING_SIGNED_TRAILER
                : PayloadMode.STREAMING_SIGNED;
        SigV4Signer.SignedRequest signed = SIGNER.sign(RequestView.of("PUT",
                "/examplebucket/chunkObject.txt", null, chunkedHeaders(trailer)),
                mode.headerValue(), TIME);
        List<Map.Entry<String, String>> headers = new ArrayList<>(chunkedHeaders(trailer));
        headers.addAll(signed.headersToAdd().entrySet());
        return new RawHttpRequest("PUT", "/examplebucket/chunkObject.txt", null, headers, body);
    }

    /** The body of the example, framed by hand from the documented signatures. */
    static byte[] documentedBody(boolean trailer) {
        List<String> signatures = trailer ? TRAILER_CHUNK_SIGNATURES : CHUNK_SIGNATURES;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("10000;chunk-signature=" + signatures.get(0) + "\r\n").getBytes());
        out.write(DATA, 0, 65_536);
        out.writeBytes(("\r\n400;chunk-signature=" + signatures.get(1) + "\r\n").getBytes());
        out.write(DATA, 65_536, 1024);
        out.writeBytes(("\r\n0;chunk-signature=" + signatures.get(2) + "\r\n").getBytes());
        if (trailer) {
            out.writeBytes(("x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:"
                    + TRAILER_SIGNATURE + "\r\n").getBytes());
        }
        out.writeBytes("\r\n".getBytes());
        return out.toByteArray();
    }

    @Test
    void signerProducesTheDocumentedSeedAndChunkSignatures() {
        RawHttpRequest request = chunkedRequest(false, new byte[0]);
        assertThat(request.header("Authorization")).endsWith("Signature=" + SEED);
        assertThat(request.header("Authorization")).contains("SignedHeaders=content-encoding;"
                + "content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class,");

        ChunkSigner chunks = SIGNER.chunkSigner(TIME, SEED);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(chunks.frameChunk(DATA, 0, 65_536));
        body.writeBytes(chunks.frameChunk(DATA, 65_536, 1024));
        body.writeBytes(chunks.frameFinalChunk(Map.of()));
        assertThat(body.toByteArray()).isEqualTo(documentedBody(false));
        assertThat(body.size()).isEqualTo(66_824);
        assertThat(ChunkSigner.encodedLength(66_560, 65_536)).isEqualTo(66_824);
    }

    @Test
    void signerProducesTheDocumentedTrailerSignatures() {
        RawHttpRequest request = chunkedRequest(true, new byte[0]);
        assertThat(request.header("Authorization")).endsWith("Signature=" + TRAILER_SEED);

        ChunkSigner chunks = SIGNER.chunkSigner(TIME, TRAILER_SEED);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(chunks.frameChunk(DATA, 0, 65_536));
        body.writeBytes(chunks.frameChunk(DATA, 65_536, 1024));
        body.writeBytes(chunks.frameFinalChunk(Map.of("x-amz-checksum-crc32c", "sOO8/Q==")));
        assertThat(body.toByteArray()).isEqualTo(documentedBody(true));
    }

    @Test
    void theDocumentedTrailerIsTheCrc32cOfTheData() {
        var crc = ChecksumAlgorithm.CRC32C.newDigest();
        crc.update(DATA, 0, DATA.length);
        assertThat(crc.finishBase64()).isEqualTo("sOO8/Q==");
    }

    @ParameterizedTest(name = "trailer={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void verifierDecodesTheDocumentedChunkedUpload(boolean trailer) throws Exception {
        RawHttpRequest request = chunkedRequest(trailer, documentedBody(trailer));
        AuthResult result = verifier(TIME).verify(request.view());

        assertThat(result.payloadMode()).isEqualTo(trailer
                ? PayloadMode.STREAMING_SIGNED_TRAILER : PayloadMode.STREAMING_SIGNED);
        assertThat(result.decodedContentLength()).isEqualTo(66_560);
        PayloadInputStream in = PayloadStreams.decode(result, request.view(),
                new ByteArrayInputStream(request.body()));
        assertThat(readAll(in)).isEqualTo(DATA);
        assertThat(in.trailers()).isEqualTo(
                trailer ? Map.of("x-amz-checksum-crc32c", "sOO8/Q==") : Map.of());
    }

    static Stream<Arguments> bodyPositions() {
        List<Arguments> positions = new ArrayList<>();
        for (boolean trailer : new boolean[] {false, true}) {
            byte[] body = documentedBody(trailer);
            for (int i = 0; i < body.length; i++) {
                boolean framing = i < 100 || (i >= 65_600 && i < 65_750) || i >= body.length - 260;
                if (framing || i % 4_099 == 0) {
                    positions.add(Arguments.of(trailer, i));
                }
            }
        }
        return positions.stream();
    }

    /**
     * Any changed byte of the body (all framing bytes: sizes, signatures, CRLFs, the trailer;
     * and a sample of data bytes, each chunk's first and last included) is rejected.
     */
    @Test
    void everyChangedByteOfTheChunkedBodyIsRejected() throws Exception {
        int checked = 0;
        for (Arguments arguments : bodyPositions().toList()) {
            boolean trailer = (Boolean) arguments.get()[0];
            int position = (Integer) arguments.get()[1];
            byte[] body = documentedBody(trailer);
            body[position] ^= 1;
            RawHttpRequest request = chunkedRequest(trailer, body);
            AuthResult result = verifier(TIME).verify(request.view());
            assertThatThrownBy(() -> readAll(PayloadStreams.decode(result, request.view(),
                    new ByteArrayInputStream(body))))
                    .as("trailer=%s, byte %d", trailer, position)
                    .isInstanceOf(PayloadException.class);
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void chunkDataDeliveredBeforeABadSignatureIsFollowedByAnErrorNotEndOfStream()
            throws Exception {
        byte[] body = documentedBody(false);
        body[120] ^= 1; // a data byte of the first chunk
        RawHttpRequest request = chunkedRequest(false, body);
        AuthResult result = verifier(TIME).verify(request.view());
        PayloadInputStream in = PayloadStreams.decode(result, request.view(),
                new ByteArrayInputStream(body));
        byte[] first = new byte[65_536];
        int read = 0;
        while (read < first.length) {
            read += in.read(first, read, first.length - read);
        }
        assertThatThrownBy(in::read).isInstanceOfSatisfying(PayloadException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.SignatureDoesNotMatch));
        assertThatThrownBy(in::read).isInstanceOf(PayloadException.class);
        assertThatThrownBy(in::trailers).isInstanceOf(IllegalStateException.class);
    }

    static void assertRejected(SigV4Verifier verifier, RequestView request, AuthError error,
            String message) {
        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    static byte[] readAll(PayloadInputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    static byte[] filled(int length) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) 'a');
        return data;
    }
}
