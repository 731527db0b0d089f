package dev.s3aas.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The MinIO-SDK-backed client against a scripted HTTP server: health, S3 error mapping and
 * connection failures. {@link RealNodeClientTest} runs it against a real node.
 */
class MinioNodeClientTest {
    @Test
    void healthAndS3ErrorsAreMapped() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            if (ex.getRequestURI().getPath().equals("/health")) {
                ex.sendResponseHeaders(200, -1);
            } else {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                        + "<Message>Access Denied.</Message><Resource>/</Resource><RequestId>1</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/xml");
                ex.sendResponseHeaders(403, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        try (MinioNodeClient client = new MinioNodeClient("127.0.0.1", server.getAddress().getPort(), "root", "secret123")) {
            client.health();
            assertThatThrownBy(client::listBuckets).isInstanceOf(NodeException.Rejected.class)
                    .satisfies(e -> assertThat(((NodeException.Rejected) e).code()).isEqualTo("AccessDenied"));
            assertThat(seen).contains("GET /health", "GET /");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDeadNodeIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (MinioNodeClient client = new MinioNodeClient("127.0.0.1", port, "root", "secret123")) {
            assertThatThrownBy(client::health).isInstanceOf(NodeException.Unreachable.class);
            assertThatThrownBy(client::listBuckets).isInstanceOf(NodeException.Unreachable.class);
        }
    }
}
