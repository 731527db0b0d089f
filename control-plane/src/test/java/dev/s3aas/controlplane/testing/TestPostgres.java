package dev.s3aas.controlplane.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the repository tests, started once per test JVM from Debian's
 * binaries ({@code /usr/lib/postgresql/<version>/bin}) in a temporary directory on a free port, and
 * stopped and deleted at JVM exit. {@code initdb} refuses to run as root, so as root the binaries
 * run as the {@code postgres} user via {@code runuser}. With {@code S3AAS_TEST_PG_URL} set (a JDBC
 * URL of a database the tests may create databases from), that server is used instead.
 *
 * <p>There is deliberately no silent skip: without PostgreSQL the tests fail with instructions.
 */
public final class TestPostgres {
    private static final AtomicInteger DB_COUNTER = new AtomicInteger();
    private static String adminUrl;
    private static String baseUrl;

    private TestPostgres() {}

    /** JDBC URL of a fresh, empty database. */
    public static synchronized String newDatabaseUrl() {
        if (adminUrl == null) {
            start();
        }
        String name = "s3aas_test_" + ProcessHandle.current().pid() + "_" + DB_COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + adminUrl, e);
        }
        return baseUrl.replace("{db}", name);
    }

    private static void start() {
        String external = System.getenv("S3AAS_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            // Same server and credentials, another database name.
            int slash = external.indexOf('/', "jdbc:postgresql://".length());
            int q = external.indexOf('?', slash);
            baseUrl = external.substring(0, slash + 1) + "{db}" + (q < 0 ? "" : external.substring(q));
            return;
        }
        Path bin = findBinaries();
        try {
            Path dir = Files.createTempDirectory("s3aas-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            Path data = dir.resolve("data");
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync"), root);
            int port = freePort();
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("pg.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c synchronous_commit=off -c full_page_writes=off", "start"), root);
            adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            baseUrl = "jdbc:postgresql://127.0.0.1:" + port + "/{db}?user=postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, dir, root)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test PostgreSQL", e);
        }
    }

    private static Path findBinaries() {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> parseVersion(v.getFileName().toString()))).orElse(null);
                if (best != null) {
                    return best.resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL is required by the repository tests but was not found under "
                + "/usr/lib/postgresql/*/bin: install it (apt-get install -y postgresql) or set S3AAS_TEST_PG_URL "
                + "to a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }

    private static int parseVersion(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void stop(Path bin, Path data, Path dir, boolean root) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root);
        } catch (RuntimeException | IOException e) {
            System.err.println("test PostgreSQL did not stop: " + e.getMessage());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir);
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", cmd) + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
