package dev.s3aas.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts the servers under test as child processes on free loopback ports. */
final class Servers {
    static final String ACCESS_KEY = "bench";
    static final String SECRET_KEY = "bench-secret-key-0123456789";
    static final String S3PROXY_VERSION = "2.6.0";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** The node's logback configuration, a resource of this module (the same levels as the CLI's logback.xml). */
    static final String NODE_LOGBACK = "bench-node-logback.xml";

    private Servers() {}

    /** Deletes a directory tree (data dirs and logs of a run). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A started server and the process to stop when done. */
    record Started(Participant.Server server, ServerProcess process) {}

    /** An s3aas node (NodeMain) on this JVM's class path, data in {@code dir}, durable writes as always. */
    static Started startNode(Path dir, List<String> jvmOptions) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("node-data"));
        Path portFile = dir.resolve("node.port");
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.javaCommand()));
        cmd.addAll(jvmOptions);
        // The node logs as `s3aas node` does (INFO, Jetty WARN, no per-request line): without a configuration of
        // its own, logback would log everything at DEBUG (gigabytes a minute under load, and most of the CPU).
        cmd.addAll(List.of("-Dlogback.configurationFile=" + NODE_LOGBACK, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), NodeMain.class.getName(), data.toString(), ACCESS_KEY, SECRET_KEY, portFile.toString()));
        ServerProcess p = ServerProcess.start("s3aas node", cmd, Map.of(), dir.resolve("node.log"));
        try {
            int port = p.awaitPortFile(portFile, START_TIMEOUT);
            Endpoint ep = new Endpoint("127.0.0.1", port, ACCESS_KEY, SECRET_KEY, "us-east-1");
            return new Started(new Participant.Server("s3aas", ep, p.pid(), true, true,
                    "s3aas node (this build), JVM " + String.join(" ", jvmOptions)), p);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * S3Proxy with the jclouds filesystem backend (which does not fsync) and SigV2/V4 authentication, from its
     * published jar-with-dependencies.
     */
    static Started startS3Proxy(Path dir, Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        Path base = Files.createDirectories(dir.resolve("s3proxy-data"));
        int port = freePort();
        Path props = dir.resolve("s3proxy.properties");
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + base,
                ""));
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.javaCommand()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "--properties", props.toString()));
        // LOG_LEVEL is read by S3Proxy's logback.xml; per-request logging would cost it CPU the node does not pay.
        ServerProcess p = ServerProcess.start("S3Proxy", cmd, Map.of("LOG_LEVEL", "warn"), dir.resolve("s3proxy.log"));
        try {
            p.awaitListening(port, START_TIMEOUT);
            Endpoint ep = new Endpoint("127.0.0.1", port, ACCESS_KEY, SECRET_KEY, "us-east-1");
            return new Started(new Participant.Server("S3Proxy", ep, p.pid(), false, true,
                    "S3Proxy " + S3PROXY_VERSION + " (filesystem backend, no fsync), JVM "
                            + String.join(" ", jvmOptions)), p);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * The S3Proxy jar: {@code explicit} if given, else bench/target/s3proxy/s3proxy.jar found by walking up from
     * where this class was loaded (the bench jar in cli/target/dist/lib, or bench/target/classes in tests).
     */
    static Path locateS3Proxy(Path explicit) throws IOException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new IOException("no S3Proxy jar at " + explicit);
            }
            return explicit;
        }
        try {
            Path here = Path.of(Servers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("bench/target/s3proxy/s3proxy.jar");
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new IOException("S3Proxy jar not found: build with './mvnw -pl cli -am package' (it copies "
                + "org.gaul:s3proxy:" + S3PROXY_VERSION + ":jar-with-dependencies from Maven Central to "
                + "bench/target/s3proxy), or pass --s3proxy-jar, or use --peer none");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
