package dev.s3aas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The node the benchmark and the soak start logs as {@code s3aas node} does. Without its own logback
 * configuration it logged everything at DEBUG: a 30-minute soak wrote a 32 GB node.log.
 */
class ServersTest {
    @TempDir
    Path dir;

    @Test
    void startedNodeLogsAtInfoNotDebug() throws Exception {
        Servers.Started node = Servers.startNode(dir, List.of("-Xmx256m"));
        try (S3Client s3 = SdkS3Client.newClient(node.server().endpoint(), 2)) {
            s3.createBucket(b -> b.bucket("logs"));
            for (int i = 0; i < 50; i++) {
                String key = "k" + i;
                s3.putObject(b -> b.bucket("logs").key(key), RequestBody.fromString("v" + i));
                s3.getObjectAsBytes(b -> b.bucket("logs").key(key));
            }
        } finally {
            node.process().close();
        }
        String log = Files.readString(dir.resolve("node.log"));
        assertThat(log).contains("INFO").contains("storage opened").doesNotContain(" DEBUG ");
        assertThat(log.length()).as("100 requests must not be logged one by one").isLessThan(16 * 1024);
    }
}
