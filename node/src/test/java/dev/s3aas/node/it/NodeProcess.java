package dev.s3aas.node.it;

import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a node in its own JVM for crash tests: args = data dir, file to write the port to. */
public final class NodeProcess {
    private NodeProcess() {}

    public static void main(String[] args) throws Exception {
        // /ready must mean "recovered and taking writes" here, not "the shared host disk is below 95% used": the
        // data dir lives on the build machine's disk, whose usage other jobs drive (a CI run failed on it).
        Node node = Node.start(new NodeConfig(Path.of(args[0]), new InetSocketAddress("127.0.0.1", 0),
                new RootCredentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY), "us-east-1", List.of())
                .withReadyMaxDiskUsed(1.0));
        Path portFile = Path.of(args[1]);
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(node.port()));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a node process and waits until it listens; returns the process and its port. */
    static Started launch(Path dataDir, Path workDir) throws Exception {
        Path portFile = workDir.resolve("port-" + System.nanoTime());
        String java = ProcessHandle.current().info().command().orElse("java");
        // C1 only: a crash-test node lives a few seconds, too short for C2 to pay for the CPU it takes compiling on
        // a busy machine; measured ~30% faster to listening (the code run is the same, only the JIT tier differs).
        Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                NodeProcess.class.getName(), dataDir.toString(), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("node-" + System.nanoTime() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(portFile)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("node process exited with " + p.exitValue());
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("node process did not start");
            }
            Thread.sleep(20);
        }
        return new Started(p, Integer.parseInt(Files.readString(portFile).trim()));
    }

    record Started(Process process, int port) {}
}
