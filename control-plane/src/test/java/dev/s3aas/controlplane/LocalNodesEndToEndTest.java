package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.provision.FakeNodeMain;
import dev.s3aas.controlplane.testing.FakeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole control plane with the embedded local provisioner running real (fake) node processes:
 * create, survive a control-plane restart without duplicating nodes, delete.
 */
class LocalNodesEndToEndTest {
    private static final String BASE = "/v1/types/s3/instances";

    @Test
    void instanceLifecycleAcrossAControlPlaneRestart(@TempDir Path dir) throws Exception {
        ControlPlaneConfig config = Fixture.localNodes(dir, FakeNodeMain.class);
        FakeNode.Cluster nodes = new FakeNode.Cluster();
        String id;
        long pid;
        int port;
        ControlPlane cp = ControlPlane.start(config, ControlPlane.local(config), nodes);
        try {
            Http http = new Http(cp.port());
            String token = http.login("admin", Fixture.ADMIN_PASSWORD);
            Http.Resp created = http.post(BASE, token, Map.of("name", "local", "bucket_name", "first"));
            assertThat(created.status()).isEqualTo(201);
            id = created.text("id");
            JsonNode node = awaitActive(http, token, id).body().path("nodes").get(0);
            port = node.path("port").asInt();
            assertThat(port).isBetween(config.nodePorts().first(), config.nodePorts().last());
            assertThat(node.path("status").asText()).isEqualTo("RUNNING");
            assertThat(nodes.node("127.0.0.1", port).buckets).containsKey("first");
            pid = nodePid(dir, node.path("id").asText());
        } finally {
            cp.close();
        }
        assertThat(ProcessHandle.of(pid)).as("nodes keep serving while the control plane is down").isPresent();

        cp = ControlPlane.start(config, ControlPlane.local(config), nodes);
        try {
            Http http = new Http(cp.port());
            String token = http.login("admin", Fixture.ADMIN_PASSWORD);
            JsonNode node = awaitActive(http, token, id).body().path("nodes").get(0);
            assertThat(node.path("port").asInt()).isEqualTo(port);
            assertThat(http.get(BASE + "/" + id, token).body().path("nodes")).hasSize(1);
            Thread.sleep(1500);
            assertThat(nodePid(dir, node.path("id").asText())).as("re-adopted, not restarted").isEqualTo(pid);

            assertThat(http.delete(BASE + "/" + id, token).status()).isEqualTo(202);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (http.get(BASE + "/" + id, token).status() != 404 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(http.get(BASE + "/" + id, token).status()).isEqualTo(404);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(dir.resolve("nodes").resolve(node.path("id").asText())).doesNotExist();
        } finally {
            cp.close();
        }
    }

    private static long nodePid(Path dir, String nodeId) {
        String dataDir = dir.resolve("nodes").resolve(nodeId).resolve("data").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ph -> ph.info().arguments().map(a -> java.util.Arrays.asList(a).contains(dataDir)).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElseThrow(() -> new AssertionError("no process for " + nodeId));
    }

    private static Http.Resp awaitActive(Http http, String token, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Http.Resp r;
        do {
            r = http.get(BASE + "/" + id, token);
            if ("ACTIVE".equals(r.text("status"))) {
                return r;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not ACTIVE: " + r);
    }
}
