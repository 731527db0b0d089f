package dev.s3aas.bench;

import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** A real s3aas node on a free loopback port, in the test's JVM. */
final class InProcessNode implements AutoCloseable {
    static final String ACCESS_KEY = "test-root";
    static final String SECRET_KEY = "test-root-secret-key";

    private final Node node;

    InProcessNode(Path dataDir) throws Exception {
        node = Node.start(new NodeConfig(dataDir, new InetSocketAddress("127.0.0.1", 0),
                new RootCredentials(ACCESS_KEY, SECRET_KEY), "us-east-1", List.of()));
    }

    Endpoint endpoint() {
        return new Endpoint("127.0.0.1", node.port(), ACCESS_KEY, SECRET_KEY, "us-east-1");
    }

    @Override
    public void close() throws Exception {
        node.close();
    }
}
