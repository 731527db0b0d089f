package dev.s3aas.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MinioNodeClient} against a real node started in-process. */
class RealNodeClientTest {
    private static final String ROOT = "cp-root";
    private static final String ROOT_SECRET = "cp-root-secret-123";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"]}]}";

    @TempDir
    static Path dir;
    static Node node;
    static MinioNodeClients clients = new MinioNodeClients();

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(new NodeConfig(dir, new InetSocketAddress("127.0.0.1", 0), new RootCredentials(ROOT, ROOT_SECRET),
                "us-east-1", List.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        clients.close();
        node.close();
    }

    private static NodeClient client() {
        return clients.connect("127.0.0.1", node.port(), ROOT, ROOT_SECRET);
    }

    @Test
    void detachingTheLastPolicyReachesTheNode() throws Exception {
        try (NodeClient c = client()) {
            c.upsertPolicy("cp-a", POLICY);
            c.upsertPolicy("cp-b", POLICY);
            c.upsertUser("AKIADETACH0000000001", "detach-secret-0000000001", true);
            c.setUserPolicies("AKIADETACH0000000001", List.of("cp-a", "cp-b"));
            assertThat(c.listUsers().get("AKIADETACH0000000001").policies()).containsExactly("cp-a", "cp-b");

            c.setUserPolicies("AKIADETACH0000000001", List.of("cp-b"));
            assertThat(c.listUsers().get("AKIADETACH0000000001").policies()).containsExactly("cp-b");

            c.setUserPolicies("AKIADETACH0000000001", List.of());
            assertThat(c.listUsers().get("AKIADETACH0000000001").policies()).isEmpty();
            // The node refuses to remove an attached policy; detached, both go.
            c.deletePolicy("cp-a");
            c.deletePolicy("cp-b");
            assertThat(c.listPolicies()).doesNotContain("cp-a", "cp-b");
        }
    }

    @Test
    void adminErrorsOfSignedCallsAreMapped() {
        try (NodeClient c = client()) {
            assertThatThrownBy(() -> c.setUserPolicies("AKIANOSUCHUSER000001", List.of()))
                    .isInstanceOfSatisfying(NodeException.Rejected.class,
                            e -> assertThat(e.code()).isEqualTo("XMinioAdminNoSuchUser"));
        }
    }
}
