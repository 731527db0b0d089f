package dev.s3aas.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MinIO-SDK-backed client against a scripted HTTP server: health, S3 error mapping,
 * connection failures and connection reuse. {@link RealNodeClientTest} runs it against a real node.
 */
class MinioNodeClientTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** The client-side port of each request, to tell a reused connection from a new one. */
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final MinioNodeClients clients = new MinioNodeClients();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            clientPorts.add(ex.getRemoteAddress().getPort());
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
    }

    @AfterEach
    void stop() {
        clients.close();
        server.stop(0);
    }

    private NodeClient connect() {
        return clients.connect("127.0.0.1", server.getAddress().getPort(), "root", "secret123");
    }

    @Test
    void healthAndS3ErrorsAreMapped() throws Exception {
        try (NodeClient client = connect()) {
            client.health();
            assertThatThrownBy(client::listBuckets).isInstanceOf(NodeException.Rejected.class)
                    .satisfies(e -> assertThat(((NodeException.Rejected) e).code()).isEqualTo("AccessDenied"));
            assertThat(seen).contains("GET /health", "GET /");
        }
    }

    @Test
    void clientsOfOneFactoryShareConnections() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (NodeClient client = connect()) {
                assertThatThrownBy(client::listBuckets).isInstanceOf(NodeException.Rejected.class);
            }
        }
        assertThat(clientPorts).hasSize(3);
        assertThat(clientPorts.stream().distinct()).as("one pooled connection for all three clients").hasSize(1);
        clientPorts.clear();
        for (int i = 0; i < 3; i++) {
            try (NodeClient client = connect()) {
                client.health();
            }
        }
        assertThat(clientPorts.stream().distinct()).as("health checks share a connection too").hasSize(1);
    }

    @Test
    void aDeadNodeIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (NodeClient client = clients.connect("127.0.0.1", port, "root", "secret123")) {
            assertThatThrownBy(client::health).isInstanceOf(NodeException.Unreachable.class);
            assertThatThrownBy(client::listBuckets).isInstanceOf(NodeException.Unreachable.class);
        }
    }
}
