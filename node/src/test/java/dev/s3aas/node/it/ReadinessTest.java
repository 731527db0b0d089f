package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /ready (and MinIO's /minio/health/ready): store open, data dir writable, disk below the threshold. */
class ReadinessTest extends NodeTestBase {
    @Test
    void aHealthyNodeIsReady() throws Exception {
        RawHttp raw = new RawHttp(node.port());
        for (String path : List.of("/ready", "/minio/health/ready", "/health")) {
            RawHttp.Response r = raw.send("GET", path, List.of(), null);
            assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        }
    }

    @Test
    void aFullerDiskThanTheThresholdIsNotReadyButAlive() throws Exception {
        Path other = Files.createTempDirectory(dir, "full");
        // Any real file system is fuller than a millionth: this node counts as over its threshold.
        try (Node strict = Node.start(new NodeConfig(other, new InetSocketAddress("127.0.0.1", 0),
                new RootCredentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY), "us-east-1", List.of())
                .withReadyMaxDiskUsed(0.000001))) {
            RawHttp raw = new RawHttp(strict.port());
            RawHttp.Response ready = raw.send("GET", "/ready", List.of(), null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.text()).contains("not_ready").contains("full");
            assertThat(raw.send("GET", "/minio/health/ready", List.of(), null).status()).isEqualTo(503);
            assertThat(raw.send("GET", "/health", List.of(), null).status()).isEqualTo(200);
        }
    }
}
