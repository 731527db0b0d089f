package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code S3AAS_LOG_FORMAT=json} with the distribution's {@code logback.xml}: a real {@code s3aas node} process
 * writes only parseable JSON lines to stderr, and its admin log line carries the caller's {@code X-Request-Id} in the MDC.
 */
class JsonLogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNodeLogsOneJsonObjectPerLineWithTheCallersRequestId(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("node.log");
        // The test class path has logback-test.xml first: name the shipped configuration explicitly.
        String config = Path.of(LogFormatEncoder.class.getResource("/logback.xml").toURI()).toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=" + config, Main.class.getName(), "node",
                "--data-dir", dir.resolve("data").toString(), "--address", "127.0.0.1:" + port)
                // Logs go to stderr; stdout has the plain start-up banner meant for a person.
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.txt").toFile()));
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("S3AAS_LOG_FORMAT", "json");
        pb.environment().put("S3AAS_ROOT_USER", "root-user");
        pb.environment().put("S3AAS_ROOT_PASSWORD", "root-password-123");
        Process node = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String requestId = "json-log-test-0001";
            int status = poll(Duration.ofSeconds(60), () -> http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/minio/admin/v3/list-users"))
                    .header("X-Request-Id", requestId).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertThat(status).as("unsigned: refused, and still logged").isEqualTo(403);
            JsonNode adminLine = poll(Duration.ofSeconds(20), () -> jsonLines(log).stream()
                    .filter(l -> "s3aas.admin".equals(l.path("loggerName").asText()))
                    .findFirst().orElseThrow());
            assertThat(adminLine.path("mdc").path("request_id").asText()).isEqualTo(requestId);
            assertThat(adminLine.path("level").asText()).isEqualTo("INFO");
            assertThat(adminLine.path("formattedMessage").asText()).contains("list-users").contains("403");
        } finally {
            node.destroy();
            node.waitFor();
        }
        assertThat(jsonLines(log)).as("every line is JSON").isNotEmpty();
    }

    /** Retries {@code c} until it returns without throwing, for up to {@code limit}. */
    private static <T> T poll(Duration limit, java.util.concurrent.Callable<T> c) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return c.call();
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Parses every line; a line that is not a JSON object fails the test. */
    private static List<JsonNode> jsonLines(Path log) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            assertThat(n.isObject()).as(line).isTrue();
            out.add(n);
        }
        return out;
    }
}
