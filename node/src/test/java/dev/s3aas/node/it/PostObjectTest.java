package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Browser-based uploads: POST with a multipart form, a SigV4-signed policy, and the file streamed last. */
class PostObjectTest extends NodeTestBase {
    static RawHttp raw;

    @BeforeAll
    static void setUp() throws Exception {
        raw = new RawHttp(node.port());
        s3.createBucket(b -> b.bucket("forms"));
    }

    static String policy(Instant expiration, String... conditions) {
        String json = "{\"expiration\":\"" + expiration + "\",\"conditions\":[" + String.join(",", conditions) + "]}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** The form fields of a SigV4-signed policy, for the given secret. */
    static Map<String, String> signed(String policy, String secret) throws Exception {
        Instant now = Instant.now();
        String day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now);
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now);
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(hmac(hmac(k, "us-east-1"), "s3"), "aws4_request");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("policy", policy);
        f.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        f.put("x-amz-credential", TestNode.ACCESS_KEY + "/" + day + "/us-east-1/s3/aws4_request");
        f.put("x-amz-date", amzDate);
        f.put("x-amz-signature", HexFormat.of().formatHex(hmac(k, policy)));
        return f;
    }

    static RawHttp.Response post(Map<String, String> fields, String filename, byte[] file) throws Exception {
        return post(fields, filename, file, true);
    }

    static RawHttp.Response post(Map<String, String> fields, String filename, byte[] file, boolean closeForm)
            throws Exception {
        String boundary = "----s3aasFormBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("preamble is ignored\r\n".getBytes(StandardCharsets.UTF_8));
        for (var e : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        if (closeForm) {
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return raw.send("POST", "/forms", List.of(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary)),
                body.toByteArray());
    }

    @Test
    void signedFormUploadStoresTheFileWithItsFields() throws Exception {
        String p = policy(Instant.now().plusSeconds(600), "{\"bucket\":\"forms\"}", "[\"starts-with\",\"$key\",\"uploads/\"]",
                "[\"starts-with\",\"$Content-Type\",\"text/\"]", "{\"x-amz-meta-origin\":\"browser\"}",
                "{\"success_action_status\":\"201\"}", "[\"content-length-range\",1,10485760]");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("key", "uploads/${filename}");
        f.put("Content-Type", "text/plain");
        f.put("x-amz-meta-origin", "browser");
        f.put("success_action_status", "201");
        f.putAll(signed(p, TestNode.SECRET_KEY));
        // Bytes that contain a near-boundary ("\r\n--") must pass through untouched.
        byte[] content = ("hello\r\n--not-a-boundary\r\n" + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = post(f, "notes.txt", content);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.text()).contains("<Key>uploads/notes.txt</Key>");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("forms").key("uploads/notes.txt")).asByteArray()).isEqualTo(content);
        HeadObjectResponse h = s3.headObject(b -> b.bucket("forms").key("uploads/notes.txt"));
        assertThat(h.contentType()).isEqualTo("text/plain");
        assertThat(h.metadata()).containsEntry("origin", "browser");
    }

    @Test
    void policyConditionsAreEnforced() throws Exception {
        String p = policy(Instant.now().plusSeconds(600), "{\"bucket\":\"forms\"}", "[\"starts-with\",\"$key\",\"uploads/\"]",
                "[\"content-length-range\",1,100]");
        Map<String, String> wrongKey = new LinkedHashMap<>(Map.of("key", "elsewhere/x"));
        wrongKey.putAll(signed(p, TestNode.SECRET_KEY));
        assertThat(post(wrongKey, "x", new byte[10]).status()).isEqualTo(403);
        Map<String, String> tooBig = new LinkedHashMap<>(Map.of("key", "uploads/big"));
        tooBig.putAll(signed(p, TestNode.SECRET_KEY));
        RawHttp.Response big = post(tooBig, "x", new byte[1000]);
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.errorCode()).isEqualTo("EntityTooLarge");
        assertThat(raw.signed("HEAD", "/forms/uploads/big", null, null).status()).isEqualTo(404);
        Map<String, String> extra = new LinkedHashMap<>(Map.of("key", "uploads/e", "x-amz-meta-sneaky", "1"));
        extra.putAll(signed(p, TestNode.SECRET_KEY));
        assertThat(post(extra, "x", new byte[10]).status()).isEqualTo(403);
    }

    @Test
    void expiredPolicyAndBadSignatureAreRefused() throws Exception {
        String old = policy(Instant.now().minusSeconds(60), "{\"bucket\":\"forms\"}", "[\"starts-with\",\"$key\",\"\"]");
        Map<String, String> expired = new LinkedHashMap<>(Map.of("key", "k"));
        expired.putAll(signed(old, TestNode.SECRET_KEY));
        assertThat(post(expired, "x", new byte[1]).status()).isEqualTo(403);
        String p = policy(Instant.now().plusSeconds(600), "{\"bucket\":\"forms\"}", "[\"starts-with\",\"$key\",\"\"]");
        Map<String, String> forged = new LinkedHashMap<>(Map.of("key", "k"));
        forged.putAll(signed(p, "not-the-secret"));
        RawHttp.Response r = post(forged, "x", new byte[1]);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void unsignedUploadToAPrivateBucketIsDenied() throws Exception {
        RawHttp.Response r = post(Map.of("key", "anon"), "x", new byte[5]);
        assertThat(r.status()).isEqualTo(403);
        assertThat(raw.signed("HEAD", "/forms/anon", null, null).status()).isEqualTo(404);
    }

    @Test
    void formMetadataIsValidatedLikeHeadersAndABrokenFormIsMalformed() throws Exception {
        String p = policy(Instant.now().plusSeconds(600), "{\"bucket\":\"forms\"}", "[\"starts-with\",\"$key\",\"\"]",
                "[\"starts-with\",\"$x-amz-meta-big\",\"\"]");
        String classPolicy = policy(Instant.now().plusSeconds(600), "{\"bucket\":\"forms\"}",
                "[\"starts-with\",\"$key\",\"\"]", "[\"starts-with\",\"$x-amz-storage-class\",\"\"]");
        String plain = policy(Instant.now().plusSeconds(600), "{\"bucket\":\"forms\"}", "[\"starts-with\",\"$key\",\"\"]");
        Map<String, String> big = new LinkedHashMap<>(Map.of("key", "meta-big", "x-amz-meta-big", "m".repeat(3000)));
        big.putAll(signed(p, TestNode.SECRET_KEY));
        RawHttp.Response tooLarge = post(big, "x", new byte[10]);
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(400);
        assertThat(tooLarge.errorCode()).isEqualTo("MetadataTooLarge");
        Map<String, String> odd = new LinkedHashMap<>(Map.of("key", "odd-class", "x-amz-storage-class", "FLOPPY"));
        odd.putAll(signed(classPolicy, TestNode.SECRET_KEY));
        assertThat(post(odd, "x", new byte[10]).errorCode()).isEqualTo("InvalidStorageClass");

        Map<String, String> cut = new LinkedHashMap<>(Map.of("key", "cut-short"));
        cut.putAll(signed(plain, TestNode.SECRET_KEY));
        RawHttp.Response broken = post(cut, "x", new byte[300_000], false);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.errorCode()).isEqualTo("MalformedPOSTRequest");
        assertThat(raw.signed("HEAD", "/forms/cut-short", null, null).status()).isEqualTo(404);
    }
}
