package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Everything written before a clean stop is there after a start, and the node keeps working. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void dataSurvivesRestart() throws Exception {
        byte[] big = PutObjectTest.random(1_000_000, 5);
        try (TestNode node = new TestNode(dir); S3Client s3 = node.client()) {
            s3.createBucket(b -> b.bucket("durable"));
            s3.putObject(b -> b.bucket("durable").key("small").contentType("text/plain"), RequestBody.fromString("hi"));
            s3.putObject(b -> b.bucket("durable").key("big"), RequestBody.fromBytes(big));
            s3.putObject(b -> b.bucket("durable").key("gone"), RequestBody.fromString("bye"));
            s3.deleteObject(b -> b.bucket("durable").key("gone"));
        }
        try (TestNode node = new TestNode(dir); S3Client s3 = node.client()) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("durable");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("durable").key("small")).asUtf8String()).isEqualTo("hi");
            assertThat(s3.headObject(b -> b.bucket("durable").key("small")).contentType()).isEqualTo("text/plain");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("durable").key("big")).asByteArray()).isEqualTo(big);
            assertThat(s3.listObjectsV2(b -> b.bucket("durable")).contents()).extracting(o -> o.key())
                    .containsExactly("big", "small");
            s3.putObject(b -> b.bucket("durable").key("after"), RequestBody.fromString("more"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("durable").key("after")).asUtf8String()).isEqualTo("more");
        }
    }
}
