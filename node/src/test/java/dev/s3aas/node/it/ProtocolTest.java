package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.common.sigv4.ChunkSigner;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Authentication, error documents and request parsing, driven byte by byte. */
class ProtocolTest extends NodeTestBase {
    static RawHttp raw;

    @BeforeAll
    static void setUp() throws Exception {
        raw = new RawHttp(node.port());
        s3.createBucket(b -> b.bucket("proto"));
        s3.putObject(b -> b.bucket("proto").key("hello.txt"), RequestBody.fromString("hello"));
    }

    static List<Map.Entry<String, String>> h(String... kv) {
        List<Map.Entry<String, String>> l = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            l.add(Map.entry(kv[i], kv[i + 1]));
        }
        return l;
    }

    @Test
    void errorDocumentsCarryCodeMessageResourceAndRequestId() throws Exception {
        RawHttp.Response r = raw.signed("GET", "/proto/missing", null, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("content-type")).isEqualTo("application/xml");
        assertThat(r.text()).contains("<Code>NoSuchKey</Code>", "<Message>", "<Resource>/proto/missing</Resource>",
                "<RequestId>" + r.header("x-amz-request-id") + "</RequestId>");
    }

    @Test
    void headErrorsHaveNoBody() throws Exception {
        RawHttp.Response r = raw.signed("HEAD", "/proto/missing", null, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("x-amz-request-id")).isNotBlank();
    }

    @Test
    void everyResponseHasARequestId() throws Exception {
        assertThat(raw.signed("GET", "/proto/hello.txt", null, null).header("x-amz-request-id")).hasSize(16);
        assertThat(raw.send("GET", "/health", List.of(), null).header("x-amz-request-id")).hasSize(16);
        assertThat(raw.send("GET", "/proto", List.of(), null).header("x-amz-request-id")).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/minio/health/live", "/minio/health/ready"})
    void healthChecksNeedNoCredentials(String path) throws Exception {
        assertThat(raw.send("GET", path, List.of(), null).status()).isEqualTo(200);
        assertThat(raw.send("HEAD", path, List.of(), null).status()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsAreDenied() throws Exception {
        RawHttp.Response r = raw.send("GET", "/proto/hello.txt", List.of(), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("AccessDenied");
        assertThat(raw.send("PUT", "/proto/x", List.of(), "data".getBytes()).status()).isEqualTo(403);
        assertThat(raw.send("GET", "/", List.of(), null).status()).isEqualTo(403);
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() throws Exception {
        RawHttp.Response r = raw.signed("GET", "/proto/hello.txt", null, List.of(), null,
                RawHttp.sha256Hex(new byte[0]), Instant.now(), TestNode.ACCESS_KEY, "wrong-secret-key");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void unknownAccessKey() throws Exception {
        RawHttp.Response r = raw.signed("GET", "/proto/hello.txt", null, List.of(), null,
                RawHttp.sha256Hex(new byte[0]), Instant.now(), "nobody", "whatever-secret");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("InvalidAccessKeyId");
    }

    @Test
    void tamperedSignedHeaderIsRejected() throws Exception {
        RawHttp.Signed s = raw.sign("GET", "/proto/hello.txt", null, h("x-amz-meta-a", "1"),
                RawHttp.sha256Hex(new byte[0]), Instant.now(), TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        List<Map.Entry<String, String>> tampered = new ArrayList<>();
        s.headers().forEach(e -> tampered.add(e.getKey().equals("x-amz-meta-a") ? Map.entry(e.getKey(), "2") : e));
        assertThat(raw.send("GET", "/proto/hello.txt", tampered, null).errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(raw.send("GET", "/proto/hello.txt", s.headers(), null).status()).isEqualTo(200);
    }

    @Test
    void clockSkewOverFifteenMinutesIsRejected() throws Exception {
        RawHttp.Response r = raw.signed("GET", "/proto/hello.txt", null, List.of(), null,
                RawHttp.sha256Hex(new byte[0]), Instant.now().minus(Duration.ofMinutes(16)), TestNode.ACCESS_KEY,
                TestNode.SECRET_KEY);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("RequestTimeTooSkewed");
        RawHttp.Response ok = raw.signed("GET", "/proto/hello.txt", null, List.of(), null,
                RawHttp.sha256Hex(new byte[0]), Instant.now().minus(Duration.ofMinutes(14)), TestNode.ACCESS_KEY,
                TestNode.SECRET_KEY);
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void payloadHashMismatchStoresNothing() throws Exception {
        byte[] body = "actual body".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = raw.signed("PUT", "/proto/hash-mismatch", null, List.of(), body,
                RawHttp.sha256Hex("other body".getBytes(StandardCharsets.UTF_8)), Instant.now(), TestNode.ACCESS_KEY,
                TestNode.SECRET_KEY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("XAmzContentSHA256Mismatch");
        assertThat(raw.signed("HEAD", "/proto/hash-mismatch", null, null).status()).isEqualTo(404);
    }

    @Test
    void presignedGetWorksAndExpires() throws Exception {
        try (S3Presigner presigner = node.presigner()) {
            URI url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("proto").key("hello.txt"))).url().toURI();
            HttpResponse<String> ok = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("hello");
            String tampered = url.toString().replace("hello.txt", "hellp.txt");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
        var signer = new dev.s3aas.common.sigv4.SigV4Signer(
                new dev.s3aas.common.sigv4.SigningCredentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY), "us-east-1", "s3");
        var view = dev.s3aas.common.sigv4.RequestView.of("GET", "/proto/hello.txt", null,
                h("Host", "127.0.0.1:" + node.port()));
        var expired = signer.presign(view, Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(1));
        RawHttp.Response r = raw.send("GET", "/proto/hello.txt?" + expired.rawQuery(), List.of(), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("AccessDenied");
        assertThat(r.text()).contains("Request has expired");
        var tooLong = signer.presign(view, Instant.now(), Duration.ofDays(8));
        RawHttp.Response r2 = raw.send("GET", "/proto/hello.txt?" + tooLong.rawQuery(), List.of(), null);
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.errorCode()).isEqualTo("AuthorizationQueryParametersError");
    }

    @Test
    void presignedPutUploads() throws Exception {
        try (S3Presigner presigner = node.presigner()) {
            URI url = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket("proto").key("presigned-put"))).url().toURI();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                    .PUT(HttpRequest.BodyPublishers.ofString("via presigned url")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("proto").key("presigned-put")).asUtf8String())
                .isEqualTo("via presigned url");
    }

    /** aws-chunked with per-chunk signatures, as in the S3 docs' "Transferring Payload in Multiple Chunks". */
    @Test
    void signedChunkedUploadIsVerifiedChunkByChunk() throws Exception {
        byte[] data = PutObjectTest.random(200_000, 11);
        RawHttp.Response ok = chunkedUpload("chunked-ok", data, false);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("proto").key("chunked-ok")).asByteArray()).isEqualTo(data);
        RawHttp.Response bad = chunkedUpload("chunked-bad", data, true);
        assertThat(bad.status()).isEqualTo(403);
        assertThat(bad.errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(raw.signed("HEAD", "/proto/chunked-bad", null, null).status()).isEqualTo(404);
    }

    private RawHttp.Response chunkedUpload(String key, byte[] data, boolean corrupt) throws Exception {
        String mode = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
        RawHttp.Signed s = raw.sign("PUT", "/proto/" + key, null, h("x-amz-decoded-content-length",
                Integer.toString(data.length), "Content-Encoding", "aws-chunked"), mode, Instant.now(),
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        ChunkSigner chunks = s.signer().chunkSigner(Instant.parse(isoOf(s)), s.signature());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int chunk = 65536;
        for (int off = 0; off < data.length; off += chunk) {
            int n = Math.min(chunk, data.length - off);
            String sig = chunks.signChunk(data, off, n);
            body.write((Integer.toHexString(n) + ";chunk-signature=" + sig + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = java.util.Arrays.copyOfRange(data, off, off + n);
            if (corrupt && off > 0) {
                part[7] ^= 1;
            }
            body.write(part);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("0;chunk-signature=" + chunks.signChunk(new byte[0], 0, 0) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return raw.send("PUT", "/proto/" + key, s.headers(), body.toByteArray());
    }

    private static String isoOf(RawHttp.Signed s) {
        String amzDate = s.headers().stream().filter(e -> e.getKey().equalsIgnoreCase("x-amz-date")).findFirst()
                .orElseThrow().getValue();
        return amzDate.substring(0, 4) + "-" + amzDate.substring(4, 6) + "-" + amzDate.substring(6, 11) + ":"
                + amzDate.substring(11, 13) + ":" + amzDate.substring(13);
    }

    /** Newer SDKs: unsigned aws-chunked body with a checksum trailer (STREAMING-UNSIGNED-PAYLOAD-TRAILER). */
    @Test
    void unsignedPayloadTrailerChecksumIsVerified() throws Exception {
        byte[] data = PutObjectTest.random(150_000, 12);
        CRC32C crc = new CRC32C();
        crc.update(data);
        byte[] c = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
        String good = java.util.Base64.getEncoder().encodeToString(c);
        assertThat(trailerUpload("trailer-ok", data, good).status()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("proto").key("trailer-ok")).asByteArray()).isEqualTo(data);
        c[0] ^= 1;
        RawHttp.Response bad = trailerUpload("trailer-bad", data, java.util.Base64.getEncoder().encodeToString(c));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BadDigest");
        assertThat(raw.signed("HEAD", "/proto/trailer-bad", null, null).status()).isEqualTo(404);
    }

    private RawHttp.Response trailerUpload(String key, byte[] data, String crc32c) throws Exception {
        RawHttp.Signed s = raw.sign("PUT", "/proto/" + key, null, h("x-amz-decoded-content-length",
                Integer.toString(data.length), "Content-Encoding", "aws-chunked", "x-amz-trailer",
                "x-amz-checksum-crc32c"), "STREAMING-UNSIGNED-PAYLOAD-TRAILER", Instant.now(), TestNode.ACCESS_KEY,
                TestNode.SECRET_KEY);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(data);
        body.write(("\r\n0\r\nx-amz-checksum-crc32c:" + crc32c + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return raw.send("PUT", "/proto/" + key, s.headers(), body.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "UPPER", "has_underscore", "-dash", "dash-", "a..b", "192.168.1.1",
        "xn--punycode", "name-s3alias", "minio", "rustfs", "way-too-long-name-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void invalidBucketNamesAreRefused(String name) throws Exception {
        RawHttp.Response r = raw.signed("PUT", "/" + name, null, new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("InvalidBucketName");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not xml at all",
        "<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint>",
        "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<CreateBucketConfiguration><LocationConstraint>&xxe;</LocationConstraint></CreateBucketConfiguration>",
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<CreateBucketConfiguration><LocationConstraint>&lol2;</LocationConstraint></CreateBucketConfiguration>",
        "<Wrong/>"})
    void malformedOrHostileXmlIsMalformedXml(String body) throws Exception {
        RawHttp.Response r = raw.signed("PUT", "/xml-bucket", null, body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MalformedXML");
        assertThat(r.text()).doesNotContain("root:");
        assertThat(raw.signed("HEAD", "/xml-bucket", null, null).status()).isEqualTo(404);
    }

    @Test
    void xxeInDeleteObjectsIsRefused() throws Exception {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Delete><Object><Key>&x;</Key></Object></Delete>";
        RawHttp.Response r = raw.signed("POST", "/proto", "delete=", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.errorCode()).isEqualTo("MalformedXML");
    }

    @Test
    void virtualHostedStyleAddressing() throws Exception {
        List<Map.Entry<String, String>> host = h("Host", "proto.localhost:" + node.port());
        RawHttp.Response r = raw.signed("GET", "/hello.txt", null, host, null, RawHttp.sha256Hex(new byte[0]),
                Instant.now(), TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("hello");
        RawHttp.Response list = raw.signed("GET", "/", "list-type=2", host, null, RawHttp.sha256Hex(new byte[0]),
                Instant.now(), TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(list.text()).contains("<Key>hello.txt</Key>");
    }

    @Test
    void putWithoutContentLengthIs411() throws Exception {
        RawHttp.Signed s = raw.sign("PUT", "/proto/no-length", null, h("Transfer-Encoding", "chunked"),
                "UNSIGNED-PAYLOAD", Instant.now(), TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        RawHttp.Response r = raw.send("PUT", "/proto/no-length", s.headers(), "5\r\nhello\r\n0\r\n\r\n".getBytes());
        assertThat(r.status()).isEqualTo(411);
        assertThat(r.errorCode()).isEqualTo("MissingContentLength");
    }

    @Test
    void unsupportedSubresourcesAreNotImplemented() throws Exception {
        RawHttp.Response r = raw.signed("GET", "/proto", "analytics=", null);
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.errorCode()).isEqualTo("NotImplemented");
    }

    @Test
    void requestsJettyRejectsGetAnS3ErrorDocument() throws Exception {
        RawHttp.Response badLength = raw.send("PUT", "/proto/x", h("Content-Length", "12abc"), "hello".getBytes());
        assertThat(badLength.status()).isEqualTo(400);
        assertThat(badLength.errorCode()).isNotNull().isNotEqualTo("InternalError");
        assertThat(badLength.header("Content-Type")).startsWith("application/xml");

        RawHttp.Response twoLengths = raw.send("PUT", "/proto/x", h("Content-Length", "5", "Content-Length", "6"),
                "hello".getBytes());
        assertThat(twoLengths.status()).isEqualTo(400);
        assertThat(twoLengths.errorCode()).isNotNull();

        RawHttp.Response version = raw.sendRaw("GET /proto/hello.txt HTTP/7.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(version.status()).isBetween(400, 505);
        assertThat(version.errorCode()).isNotNull().isNotEqualTo("InternalError");
    }
}
