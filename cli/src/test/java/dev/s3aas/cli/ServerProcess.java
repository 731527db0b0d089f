package dev.s3aas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code s3aas server} as a child process (so a test can kill -9 it), with its own data dir, API port and
 * node port range, plus a small JSON client for its REST API.
 */
final class ServerProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "e2e-admin-password";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final int apiPort;
    final String nodePorts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env;
    private Process process;

    record Resp(int status, JsonNode body, String raw) {
        String text(String field) {
            return body.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    ServerProcess(Path dataDir) throws IOException {
        this(dataDir, Map.of());
    }

    /** @param env extra environment for the server, e.g. {@code S3AAS_DB_URL} for PostgreSQL */
    ServerProcess(Path dataDir, Map<String, String> env) throws IOException {
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
        this.apiPort = freePort();
        int base = freeRange(20);
        this.nodePorts = base + "-" + (base + 19);
    }

    void start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", Main.class.getName(), "server")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("server.log").toFile()));
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("S3AAS_DATA_DIR", dataDir.toString());
        pb.environment().put("S3AAS_LISTEN", "127.0.0.1:" + apiPort);
        pb.environment().put("S3AAS_NODE_PORTS", nodePorts);
        pb.environment().put("S3AAS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().putAll(env);
        process = pb.start();
        // Generous: on 2 busy cores (a Ceph cluster settling beside it) the JVM, Flyway and Argon2 take a while.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            try {
                if (call("GET", "/v1/types/s3/", null, null).status() == 401) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not start");
    }

    /** SIGTERM, as a service manager stops it: shutdown hooks run. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("server did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** What the server printed (stdout and stderr). */
    String log() throws IOException {
        return java.nio.file.Files.readString(dataDir.resolveSibling("server.log"));
    }

    /** SIGKILL, as a crash would: no shutdown hooks run. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    Resp call(String method, String path, String token, Object body) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = r.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(r.body());
            return new Resp(r.statusCode(), parsed, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Resp get(String path, String token) {
        return call("GET", path, token, null);
    }

    Resp post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    Resp patch(String path, String token, Object body) {
        return call("PATCH", path, token, body);
    }

    Resp delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    String login(String user, String password) {
        Resp r = post("/v1/auth/token", null, Map.of("username", user, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r);
        }
        return r.text("access_token");
    }

    /** The node processes this server started (they are recognised by their data dir under ours). */
    List<ProcessHandle> nodeProcesses() {
        String marker = dataDir.resolve("nodes").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains(" node ")).orElse(false))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
        for (ProcessHandle p : nodeProcesses()) {
            p.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A base port with {@code n} free ports after it (best effort: checked now, used soon after). */
    static int freeRange(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 21000 + (int) (Math.random() * 20000);
            boolean ok = true;
            for (int p = base; p < base + n && ok; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    ok = true;
                } catch (IOException e) {
                    ok = false;
                }
            }
            if (ok) {
                return base;
            }
        }
        throw new IOException("no free port range");
    }
}
