package dev.s3aas.controlplane.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serves the real console files over a real Jetty; raw sockets so traversal paths reach the server unnormalised. */
class ConsoleHandlerTest {
    private static Server server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        server.setHandler(new ConsoleHandler());
        server.start();
        port = c.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static String get(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesIndexWithStrictHeaders() throws Exception {
        String r = get("/console/");
        assertTrue(r.startsWith("HTTP/1.1 200"), r);
        assertTrue(r.contains("Content-Type: text/html;charset=utf-8") || r.contains("Content-Type: text/html; charset=utf-8"), r);
        assertTrue(r.contains("Content-Security-Policy: " + ConsoleHandler.CSP), r);
        assertTrue(r.contains("X-Content-Type-Options: nosniff"), r);
        assertTrue(r.contains("Referrer-Policy: no-referrer"), r);
        assertTrue(r.contains("<script type=\"module\" src=\"app.js\">"), r);
    }

    @Test
    void servesModulesAsJavaScript() throws Exception {
        String r = get("/console/app.js");
        assertTrue(r.startsWith("HTTP/1.1 200"), r);
        assertTrue(r.contains("text/javascript"), r);
    }

    @Test
    void redirectsBareConsole() throws Exception {
        String r = get("/console");
        assertTrue(r.startsWith("HTTP/1.1 308"), r);
        assertTrue(r.contains("Location: /console/"), r);
    }

    @Test
    void refusesTraversalAndUnknownFiles() throws Exception {
        for (String p : new String[] {"/console/../db/", "/console/%2e%2e/%2e%2e/etc/passwd", "/console/..%2fWiring.class",
                "/console/missing.js", "/console/index.html.bak", "/console/%2e%2e%2fdb%2fV1__init.sql"}) {
            String r = get(p);
            String status = r.substring(9, 12);
            assertTrue(status.equals("404") || status.equals("400"), p + " -> " + r.lines().findFirst().orElse(""));
            assertTrue(!r.contains("CREATE TABLE"), p);
        }
    }

    @Test
    void leavesOtherPathsToTheApi() throws Exception {
        assertEquals("404", get("/v1/openapi.json").substring(9, 12));
    }
}
