package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class PutObjectTest extends NodeTestBase {
    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("puts"));
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String md5Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4096, 128 * 1024, 128 * 1024 + 1, 3 * 1024 * 1024 + 17})
    void roundTripsBytesExactlyWithMd5Etag(int size) throws Exception {
        byte[] data = random(size, size);
        String key = "sized/" + size;
        PutObjectResponse put = s3.putObject(b -> b.bucket("puts").key(key), RequestBody.fromBytes(data));
        assertThat(put.eTag()).isEqualTo("\"" + md5Hex(data) + "\"");
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("puts").key(key));
        assertThat(got.asByteArray()).isEqualTo(data);
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().contentLength()).isEqualTo(size);
    }

    @Test
    void storesContentHeadersAndUserMetadata() {
        s3.putObject(b -> b.bucket("puts").key("meta.txt")
                        .contentType("text/plain; charset=utf-8")
                        .contentEncoding("identity")
                        .contentDisposition("attachment; filename=\"meta.txt\"")
                        .contentLanguage("en")
                        .cacheControl("max-age=60")
                        .metadata(Map.of("color", "blue", "Owner-Name", "Ana")),
                RequestBody.fromString("hello"));
        HeadObjectResponse h = s3.headObject(b -> b.bucket("puts").key("meta.txt"));
        assertThat(h.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(h.contentEncoding()).isEqualTo("identity");
        assertThat(h.contentDisposition()).isEqualTo("attachment; filename=\"meta.txt\"");
        assertThat(h.contentLanguage()).isEqualTo("en");
        assertThat(h.cacheControl()).isEqualTo("max-age=60");
        assertThat(h.metadata()).containsEntry("color", "blue").containsEntry("owner-name", "Ana");
        assertThat(h.contentLength()).isEqualTo(5);
    }

    @Test
    void defaultContentType() {
        s3.putObject(b -> b.bucket("puts").key("untyped"), RequestBody.fromBytes(new byte[] {1, 2}));
        // The SDK sends application/octet-stream when none is set; what was sent is what comes back.
        assertThat(s3.headObject(b -> b.bucket("puts").key("untyped")).contentType()).isNotBlank();
    }

    @Test
    void overwriteReplacesAtomically() {
        s3.putObject(b -> b.bucket("puts").key("over"), RequestBody.fromString("first version"));
        s3.putObject(b -> b.bucket("puts").key("over"), RequestBody.fromBytes(random(300_000, 7)));
        s3.putObject(b -> b.bucket("puts").key("over"), RequestBody.fromString("third"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("puts").key("over")).asUtf8String()).isEqualTo("third");
    }

    @Test
    void correctContentMd5IsAccepted() throws Exception {
        byte[] data = "checked".getBytes(StandardCharsets.UTF_8);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        s3.putObject(b -> b.bucket("puts").key("md5-ok").contentMD5(md5), RequestBody.fromBytes(data));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("puts").key("md5-ok")).asByteArray()).isEqualTo(data);
    }

    @Test
    void wrongContentMd5IsRefusedAndNothingIsStored() throws Exception {
        String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(new byte[] {9}));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("md5-bad").contentMD5(wrong),
                RequestBody.fromString("payload")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
                });
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("puts").key("md5-bad")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void malformedContentMd5IsInvalidDigest() {
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("md5-junk").contentMD5("not-base64!"),
                RequestBody.fromString("payload")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDigest"));
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32_C", "SHA1", "SHA256", "CRC64_NVME"})
    void additionalChecksumsAreVerifiedAndReturned(ChecksumAlgorithm algorithm) {
        byte[] data = random(200_000, algorithm.ordinal());
        String key = "checksum/" + algorithm;
        PutObjectResponse put = s3.putObject(b -> b.bucket("puts").key(key).checksumAlgorithm(algorithm),
                RequestBody.fromBytes(data));
        String returned = switch (algorithm) {
            case CRC32 -> put.checksumCRC32();
            case CRC32_C -> put.checksumCRC32C();
            case SHA1 -> put.checksumSHA1();
            case SHA256 -> put.checksumSHA256();
            case CRC64_NVME -> put.checksumCRC64NVME();
            default -> throw new IllegalArgumentException();
        };
        assertThat(returned).isNotBlank();
        HeadObjectResponse h = s3.headObject(b -> b.bucket("puts").key(key).checksumMode(ChecksumMode.ENABLED));
        String stored = switch (algorithm) {
            case CRC32 -> h.checksumCRC32();
            case CRC32_C -> h.checksumCRC32C();
            case SHA1 -> h.checksumSHA1();
            case SHA256 -> h.checksumSHA256();
            case CRC64_NVME -> h.checksumCRC64NVME();
            default -> throw new IllegalArgumentException();
        };
        assertThat(stored).isEqualTo(returned);
        // GET with checksum mode makes the SDK validate the body against the stored checksum.
        byte[] back = s3.getObjectAsBytes(b -> b.bucket("puts").key(key).checksumMode(ChecksumMode.ENABLED))
                .asByteArray();
        assertThat(back).isEqualTo(data);
    }

    @Test
    void wrongChecksumHeaderIsRefused() {
        String wrongCrc = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("crc-bad").checksumCRC32(wrongCrc),
                RequestBody.fromString("some data")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
                });
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("puts").key("crc-bad")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void ifNoneMatchStarCreatesOnlyOnce() {
        s3.putObject(b -> b.bucket("puts").key("once").ifNoneMatch("*"), RequestBody.fromString("1"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("once").ifNoneMatch("*"),
                RequestBody.fromString("2")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("puts").key("once")).asUtf8String()).isEqualTo("1");
    }

    @Test
    void ifMatchOverwritesOnlyTheExpectedVersion() {
        String etag = s3.putObject(b -> b.bucket("puts").key("cas"), RequestBody.fromString("v1")).eTag();
        s3.putObject(b -> b.bucket("puts").key("cas").ifMatch(etag), RequestBody.fromString("v2"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("cas").ifMatch(etag),
                RequestBody.fromString("v3")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("puts").key("cas")).asUtf8String()).isEqualTo("v2");
    }

    @Test
    void userMetadataOverTwoKilobytesIsRefused() {
        String big = "x".repeat(2100);
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("fat-meta").metadata(Map.of("m", big)),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge"));
    }

    @Test
    void keysWithTraversalAndOddCharactersAreJustNames() {
        String[] keys = {"../x", "a/../b", "dir/../../y", "./dot", "..", "%2e%2e/x", "a//b", "sp ace/üñï©ødé",
            "plus+sign", "q?uestion#hash", "emoji-😀", "tab\there", "k".repeat(1024)};
        for (String key : keys) {
            s3.putObject(b -> b.bucket("puts").key(key), RequestBody.fromString("v:" + key.length()));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("puts").key(key)).asUtf8String())
                    .as(key).isEqualTo("v:" + key.length());
        }
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir.getParent().resolve("x")).doesNotExist();
    }

    @Test
    void aRequestPathClimbingAboveTheRootIsRefused() {
        // "/puts/../../etc/passwd" escapes the URL root itself; Jetty refuses to parse it (MinIO refuses every
        // ".." key). The client gets a parseable S3 error and nothing is written anywhere.
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("../../etc/passwd"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
                });
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void keyOverLimitIsRefused() {
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("puts").key("k".repeat(1025)), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError"));
    }

    @Test
    void putIntoMissingBucket() {
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("nope-bucket").key("k"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                });
    }
}
