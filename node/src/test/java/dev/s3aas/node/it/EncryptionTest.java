package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** SSE-S3: encrypted at rest (the plaintext is nowhere on disk), transparent to readers, ranges included. */
class EncryptionTest extends NodeTestBase {
    static final byte[] MARKER = "PLAINTEXT-MARKER-7f3c1e".getBytes(StandardCharsets.US_ASCII);
    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("enc"));
    }

    /** Random bytes with the marker planted every 50 KiB, so any plaintext fragment on disk would show. */
    static byte[] marked(int size, long seed) {
        byte[] b = PutObjectTest.random(size, seed);
        for (int off = 0; off + MARKER.length < size; off += 50_000) {
            System.arraycopy(MARKER, 0, b, off, MARKER.length);
        }
        return b;
    }

    static boolean markerOnDisk() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(p);
                for (int i = 0; i + MARKER.length <= content.length; i++) {
                    if (content[i] == MARKER[0] && Arrays.equals(content, i, i + MARKER.length, MARKER, 0, MARKER.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void encryptedObjectsAreNotOnDiskInPlaintextAndReadBackExactly() throws Exception {
        byte[] small = marked(2_000, 1);
        byte[] large = marked(1_500_000, 2);
        var put = s3.putObject(b -> b.bucket("enc").key("small").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromBytes(small));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        s3.putObject(b -> b.bucket("enc").key("large").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromBytes(large));
        assertThat(markerOnDisk()).as("plaintext found in the data dir").isFalse();
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc").key("small")).asByteArray()).isEqualTo(small);
        var got = s3.getObjectAsBytes(b -> b.bucket("enc").key("large"));
        assertThat(got.asByteArray()).isEqualTo(large);
        assertThat(got.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        for (String range : List.of("bytes=65530-65545", "bytes=0-0", "bytes=131072-262144", "bytes=-10", "bytes=1499990-")) {
            byte[] part = s3.getObjectAsBytes(b -> b.bucket("enc").key("large").range(range)).asByteArray();
            long[] r = bounds(range, large.length);
            assertThat(part).as(range).isEqualTo(Arrays.copyOfRange(large, (int) r[0], (int) r[1] + 1));
        }
    }

    static long[] bounds(String range, long size) {
        String spec = range.substring(6);
        if (spec.startsWith("-")) {
            return new long[] {size - Long.parseLong(spec.substring(1)), size - 1};
        }
        String[] p = spec.split("-", -1);
        return new long[] {Long.parseLong(p[0]), p[1].isEmpty() ? size - 1 : Long.parseLong(p[1])};
    }

    @Test
    void bucketDefaultEncryptionAppliesToMultipartAndCopies() throws Exception {
        s3.createBucket(b -> b.bucket("enc-default"));
        s3.putBucketEncryption(b -> b.bucket("enc-default").serverSideEncryptionConfiguration(c -> c.rules(
                r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        assertThat(s3.getBucketEncryption(b -> b.bucket("enc-default")).serverSideEncryptionConfiguration().rules()
                .get(0).applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        byte[] p1 = marked(5 * 1024 * 1024, 3);
        byte[] p2 = marked(300_000, 4);
        String id = s3.createMultipartUpload(b -> b.bucket("enc-default").key("mpu")).uploadId();
        var e1 = s3.uploadPart(b -> b.bucket("enc-default").key("mpu").uploadId(id).partNumber(1), RequestBody.fromBytes(p1));
        var e2 = s3.uploadPart(b -> b.bucket("enc-default").key("mpu").uploadId(id).partNumber(2), RequestBody.fromBytes(p2));
        s3.completeMultipartUpload(b -> b.bucket("enc-default").key("mpu").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1.eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(e2.eTag()).build())));
        byte[] all = MultipartUploadTest.concat(p1, p2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc-default").key("mpu")).asByteArray()).isEqualTo(all);
        assertThat(s3.headObject(b -> b.bucket("enc-default").key("mpu")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        s3.createBucket(b -> b.bucket("plain"));
        s3.copyObject(b -> b.sourceBucket("enc-default").sourceKey("mpu").destinationBucket("plain").destinationKey("copy"));
        assertThat(s3.headObject(b -> b.bucket("plain").key("copy")).serverSideEncryption()).isNull();
        assertThat(s3.getObjectAsBytes(b -> b.bucket("plain").key("copy")).asByteArray()).isEqualTo(all);
        s3.deleteObject(b -> b.bucket("plain").key("copy"));
        Thread.sleep(500);
        assertThat(markerOnDisk()).isFalse();
        s3.deleteBucketEncryption(b -> b.bucket("enc-default"));
        assertThatThrownBy(() -> s3.getBucketEncryption(b -> b.bucket("enc-default")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void encryptedDataSurvivesRestart() throws Exception {
        byte[] data = marked(400_000, 5);
        s3.putObject(b -> b.bucket("enc").key("durable").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromBytes(data));
        node.stop();
        node.start();
        s3 = node.client();
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc").key("durable")).asByteArray()).isEqualTo(data);
    }

    @Test
    void kmsRequestsTheNodeCannotServeAreRefusedNotIgnored() {
        // aws:kms without a key id (no AWS-managed key here) and DSSE-KMS: refused, never stored unencrypted.
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("enc").key("kms").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("enc").key("dsse")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("enc").key("kms"))).isInstanceOf(S3Exception.class);
    }
}
