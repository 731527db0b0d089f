package dev.s3aas.controlplane.provision;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * A stand-in for {@code dev.s3aas.cli.Main node}: serves {@code GET /health} on the given address
 * and records the root user, the names of its environment variables and its JVM flags, until killed.
 */
public final class FakeNodeMain {
    private FakeNodeMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        NodeArgs parsed = NodeArgs.parseOrExit(args);
        String dataDir = parsed.dataDir();
        String address = parsed.address();
        Files.createDirectories(Path.of(dataDir));
        Files.writeString(Path.of(dataDir, "root-user"), String.valueOf(System.getenv("S3AAS_ROOT_USER")));
        Files.write(Path.of(dataDir, "env-names"), new TreeSet<>(System.getenv().keySet()));
        Files.write(Path.of(dataDir, "jvm-args"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        int colon = address.lastIndexOf(':');
        HttpServer server = HttpServer.create(new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), 16);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("fake node serving on " + address);
        Thread.currentThread().join();
    }
}
