package dev.s3aas.bench;

import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one s3aas node, as {@code s3aas node} does (same NodeConfig, durable writes), in the child JVM the
 * benchmark measures. Arguments: data dir, access key, secret key, file to write the port to.
 */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: NodeMain DATA_DIR ACCESS_KEY SECRET_KEY PORT_FILE");
            System.exit(2);
        }
        Node node = Node.start(new NodeConfig(Path.of(args[0]), new InetSocketAddress("127.0.0.1", 0),
                new RootCredentials(args[1], args[2]), "us-east-1", List.of()));
        // SIGTERM from the benchmark: close inside the hook, since the JVM halts once hooks return.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "bench-node-shutdown"));
        Path portFile = Path.of(args[3]);
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(node.port()));
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
