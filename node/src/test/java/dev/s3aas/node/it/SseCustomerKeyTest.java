package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** SSE-C with the AWS SDK: put/get/head/copy (both sides), ranges, multipart, wrong and missing keys. */
class SseCustomerKeyTest extends NodeTestBase {
    static final byte[] KEY = key(1);
    static final byte[] OTHER = key(2);

    static byte[] key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 31 + i);
        }
        return k;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static String md5(byte[] b) throws Exception {
        return b64(MessageDigest.getInstance("MD5").digest(b));
    }

    @BeforeAll
    static void setUp() {
        s3.createBucket(b -> b.bucket("ssec"));
    }

    static void fails(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.statusCode()).isEqualTo(status));
    }

    @Test
    void putGetHeadRangeWithTheKey() throws Exception {
        byte[] body = "customer encrypted bytes, 0123456789".getBytes(StandardCharsets.UTF_8);
        var put = s3.putObject(b -> b.bucket("ssec").key("obj").sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY))
                .sseCustomerKeyMD5(md5KeyUnchecked(KEY)), RequestBody.fromBytes(body));
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
        assertThat(put.serverSideEncryption()).isNull();

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("ssec").key("obj")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY)));
        assertThat(got.asByteArray()).isEqualTo(body);
        assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(md5(KEY));
        ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(b -> b.bucket("ssec").key("obj").range("bytes=9-17")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY)));
        assertThat(new String(range.asByteArray(), StandardCharsets.UTF_8)).isEqualTo("encrypted");
        assertThat(s3.headObject(b -> b.bucket("ssec").key("obj").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY))).contentLength()).isEqualTo(body.length);

        // Missing key → 400, another key → 403, for GET and HEAD alike.
        fails(() -> s3.getObjectAsBytes(b -> b.bucket("ssec").key("obj")), 400);
        fails(() -> s3.headObject(b -> b.bucket("ssec").key("obj")), 400);
        fails(() -> s3.getObjectAsBytes(b -> b.bucket("ssec").key("obj").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER)).sseCustomerKeyMD5(md5KeyUnchecked(OTHER))), 403);
        fails(() -> s3.headObject(b -> b.bucket("ssec").key("obj").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER)).sseCustomerKeyMD5(md5KeyUnchecked(OTHER))), 403);
        // A key MD5 that does not match the key is refused before anything is stored.
        fails(() -> s3.putObject(b -> b.bucket("ssec").key("bad-md5").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(OTHER)), RequestBody.fromString("x")), 400);
        // GetObjectAttributes answers only with the key, as HEAD does.
        fails(() -> s3.getObjectAttributes(b -> b.bucket("ssec").key("obj")
                .objectAttributes(software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_SIZE)), 400);
        assertThat(s3.getObjectAttributes(b -> b.bucket("ssec").key("obj").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY))
                .objectAttributes(software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_SIZE)).objectSize())
                .isEqualTo(body.length);
        // A key offered for an object that is not SSE-C.
        s3.putObject(b -> b.bucket("ssec").key("plain"), RequestBody.fromString("plain"));
        fails(() -> s3.getObjectAsBytes(b -> b.bucket("ssec").key("plain").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY))), 400);
    }

    @Test
    void theKeyIsNeverStored() throws Exception {
        byte[] marker = key(7);
        s3.putObject(b -> b.bucket("ssec").key("secret").sseCustomerAlgorithm("AES256").sseCustomerKey(b64(marker))
                .sseCustomerKeyMD5(md5KeyUnchecked(marker)), RequestBody.fromString("plaintext-marker-0123456789"));
        node.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                assertThat(indexOf(content, marker)).as(f.toString()).isEqualTo(-1);
                assertThat(indexOf(content, b64(marker).getBytes(StandardCharsets.US_ASCII))).as(f.toString())
                        .isEqualTo(-1);
                assertThat(indexOf(content, "plaintext-marker".getBytes(StandardCharsets.US_ASCII))).as(f.toString())
                        .isEqualTo(-1);
            }
        } finally {
            node = new TestNode(dir);
            s3 = node.client();
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ssec").key("secret").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(marker)).sseCustomerKeyMD5(md5KeyUnchecked(marker))).asUtf8String())
                .isEqualTo("plaintext-marker-0123456789");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void copyBetweenKeysAndToPlain() {
        s3.putObject(b -> b.bucket("ssec").key("src").sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY))
                .sseCustomerKeyMD5(md5KeyUnchecked(KEY)), RequestBody.fromString("copy me"));
        s3.copyObject(b -> b.sourceBucket("ssec").sourceKey("src").destinationBucket("ssec").destinationKey("dst")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(b64(KEY))
                .copySourceSSECustomerKeyMD5(md5KeyUnchecked(KEY))
                .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(OTHER)).sseCustomerKeyMD5(md5KeyUnchecked(OTHER)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ssec").key("dst").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER)).sseCustomerKeyMD5(md5KeyUnchecked(OTHER))).asUtf8String()).isEqualTo("copy me");
        s3.copyObject(b -> b.sourceBucket("ssec").sourceKey("src").destinationBucket("ssec").destinationKey("plain-copy")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(b64(KEY))
                .copySourceSSECustomerKeyMD5(md5KeyUnchecked(KEY)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("ssec").key("plain-copy")).asUtf8String()).isEqualTo("copy me");
        // Without the source key the copy cannot read the source.
        fails(() -> s3.copyObject(b -> b.sourceBucket("ssec").sourceKey("src").destinationBucket("ssec")
                .destinationKey("nope")), 400);
    }

    @Test
    void multipartWithTheKeyOnEveryPart() {
        String id = s3.createMultipartUpload(b -> b.bucket("ssec").key("mp").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY))).uploadId();
        byte[] first = new byte[5 << 20];
        first[17] = 42;
        String e1 = s3.uploadPart(b -> b.bucket("ssec").key("mp").uploadId(id).partNumber(1).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY)), RequestBody.fromBytes(first)).eTag();
        fails(() -> s3.uploadPart(b -> b.bucket("ssec").key("mp").uploadId(id).partNumber(2),
                RequestBody.fromString("tail")), 400);
        fails(() -> s3.uploadPart(b -> b.bucket("ssec").key("mp").uploadId(id).partNumber(2)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(OTHER)).sseCustomerKeyMD5(md5KeyUnchecked(OTHER)),
                RequestBody.fromString("tail")), 403);
        String e2 = s3.uploadPart(b -> b.bucket("ssec").key("mp").uploadId(id).partNumber(2).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY)), RequestBody.fromString("tail")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("ssec").key("mp").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        byte[] all = s3.getObjectAsBytes(b -> b.bucket("ssec").key("mp").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5KeyUnchecked(KEY))).asByteArray();
        assertThat(all).hasSize((5 << 20) + 4);
        assertThat(all[17]).isEqualTo((byte) 42);
        assertThat(new String(all, 5 << 20, 4, StandardCharsets.UTF_8)).isEqualTo("tail");
        fails(() -> s3.getObjectAsBytes(b -> b.bucket("ssec").key("mp")), 400);
    }

    @Test
    void plainHttpIsRefusedWithoutTheFlag() throws Exception {
        Path other = Files.createTempDirectory(dir, "no-flag");
        try (dev.s3aas.node.Node strict = dev.s3aas.node.Node.start(new dev.s3aas.node.NodeConfig(other,
                new InetSocketAddress("127.0.0.1", 0), new dev.s3aas.node.auth.RootCredentials(TestNode.ACCESS_KEY,
                TestNode.SECRET_KEY), "us-east-1", List.of()))) {
            RawHttp raw = new RawHttp(strict.port());
            assertThat(raw.signed("PUT", "/strict", null, null).status()).isEqualTo(200);
            RawHttp.Response r = raw.signed("PUT", "/strict/k", null, ProtocolTest.h(
                    "x-amz-server-side-encryption-customer-algorithm", "AES256",
                    "x-amz-server-side-encryption-customer-key", b64(KEY),
                    "x-amz-server-side-encryption-customer-key-MD5", md5KeyUnchecked(KEY)),
                    "x".getBytes(), RawHttp.sha256Hex("x".getBytes()), java.time.Instant.now(), TestNode.ACCESS_KEY,
                    TestNode.SECRET_KEY);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("secure connection");
        }
    }

    static String md5KeyUnchecked(byte[] k) {
        try {
            return md5(k);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
