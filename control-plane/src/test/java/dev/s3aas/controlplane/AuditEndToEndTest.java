package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.provision.NodeLauncher;
import dev.s3aas.controlplane.provision.RealNodeMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The audit trail, the request id chain and secrets at rest, end to end: a control plane with a real local node
 * process, users with passwords, node users with access keys. Then (1) no password or secret is in any file under
 * the control plane's data dir or the node's (RocksDB WAL, SST, LOG included, after the node shut down and
 * flushed), nor in the audit trail; (2) {@code GET /v1/audit} shows the mutations with actor, token id, status and
 * the client's request id, to admins and owners of the project only, with working filters; (3) the request id sent
 * on {@code POST .../access-keys} is on the control plane's access line, its reconcile run, and the node's admin
 * log line for the add-user call.
 */
class AuditEndToEndTest {
    private static final String BASE = "/v1/types/s3/instances";
    private static final String KEY_REQUEST = "audit-e2e-key-0001";

    @Test
    void oneRequestIdFindsTheChainAndNoSecretIsAtRest(@TempDir Path dir) throws Exception {
        ControlPlaneConfig local = Fixture.localNodes(dir, RealNodeMain.class);
        ControlPlaneConfig config = local.withNodes(local.nodePorts(), withNodeLogging(local.nodeLauncher()));
        ListAppender<ILoggingEvent> cpLog = capture("s3aas.access", "dev.s3aas.controlplane.reconcile.ReconcileController");
        List<String> secrets = new ArrayList<>(List.of(Fixture.ADMIN_PASSWORD));
        String instanceId;
        String nodeId;
        try (ControlPlane cp = ControlPlane.start(config)) {
            Http http = new Http(cp.port());
            String admin = http.login("admin", Fixture.ADMIN_PASSWORD);
            String p1 = project(http, admin, "p1");
            String p2 = project(http, admin, "p2");
            String olga = userWithRole(http, admin, "olga", p1, "owner", secrets);
            String vic = userWithRole(http, admin, "vic", p1, "viewer", secrets);
            String oscar = userWithRole(http, admin, "oscar", p2, "owner", secrets);

            Http.Resp created = http.call("POST", BASE, olga, Map.of("name", "audited"),
                    Map.of("X-Request-Id", "audit-e2e-create"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.headers().firstValue("X-Request-Id")).contains("audit-e2e-create");
            instanceId = created.text("id");
            String inst = BASE + "/" + instanceId;
            JsonNode node = poll(Duration.ofSeconds(60), () -> {
                Http.Resp r = http.get(inst, olga);
                assertThat(r.text("status")).isEqualTo("ACTIVE");
                return r.body().path("nodes").get(0);
            });
            nodeId = node.path("id").asText();
            secrets.add(http.get(inst + "/mfa", olga).text("secret"));

            assertThat(http.post(inst + "/users", olga, Map.of("name", "app")).status()).isEqualTo(201);
            Http.Resp key = http.call("POST", inst + "/users/app/access-keys", olga, Map.of(),
                    Map.of("X-Request-Id", KEY_REQUEST));
            assertThat(key.status()).as(key.toString()).isEqualTo(201);
            secrets.add(key.text("secret_key"));
            Http.Resp chosen = http.post(inst + "/users/app/access-keys", olga,
                    Map.of("secret_key", "Chosen-Secret-Key-0123456789abcdefghijkl"));
            assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
            secrets.add("Chosen-Secret-Key-0123456789abcdefghijkl");
            // Refused mutations are audited too: a viewer's create, a wrong password.
            assertThat(http.post(inst + "/users", vic, Map.of("name", "nope")).status()).isEqualTo(403);
            Http.Resp badLogin = http.call("POST", "/v1/auth/token", null,
                    Map.of("username", "olga", "password", "Wrong-Password-777"), Map.of("X-Request-Id", "bad id!"));
            assertThat(badLogin.status()).isEqualTo(401);
            String generatedId = badLogin.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(generatedId).as("an insane id is replaced").isNotEqualTo("bad id!").matches("[0-9a-f-]{36}");
            secrets.add("Wrong-Password-777");

            // (3) one id finds the chain: the node's admin line for add-user, the access line, the reconcile run.
            Path nodeLog = dir.resolve("nodes").resolve(nodeId).resolve("node.log");
            String adminLine = poll(Duration.ofSeconds(60), () -> Files.readAllLines(nodeLog).stream()
                    .filter(l -> l.contains("add-user") && l.contains(KEY_REQUEST)).findFirst().orElseThrow());
            assertThat(adminLine).contains("s3aas.admin").contains("-> 200");
            assertThat(messages(cpLog, "s3aas.access", KEY_REQUEST)).singleElement().asString()
                    .contains("POST " + inst + "/users/app/access-keys 201").contains("principal=olga");
            assertThat(messages(cpLog, "dev.s3aas.controlplane.reconcile.ReconcileController", KEY_REQUEST))
                    .isNotEmpty();

            // (2) the audit trail.
            List<JsonNode> all = items(http.get("/v1/audit?limit=1000", admin));
            JsonNode keyRecord = all.stream().filter(r -> KEY_REQUEST.equals(r.path("request_id").asText()))
                    .findFirst().orElseThrow();
            assertThat(keyRecord.path("actor").asText()).isEqualTo("olga");
            assertThat(keyRecord.path("actor_id").asText()).isNotEmpty();
            assertThat(keyRecord.path("token_id").asText()).isNotEmpty().isNotEqualTo(olga);
            assertThat(keyRecord.path("action").asText()).isEqualTo("s3aas.access_key.create");
            assertThat(keyRecord.path("route").asText()).isEqualTo(BASE + "/{instance}/users/{user}/access-keys");
            assertThat(keyRecord.path("path").asText()).isEqualTo(inst + "/users/app/access-keys");
            assertThat(keyRecord.path("status").asInt()).isEqualTo(201);
            assertThat(keyRecord.path("instance").asText()).isEqualTo(instanceId);
            assertThat(keyRecord.path("project").asText()).isEqualTo(p1);
            assertThat(keyRecord.path("client").asText()).isEqualTo("127.0.0.1");
            assertThat(all).anySatisfy(r -> {
                assertThat(r.path("request_id").asText()).isEqualTo("audit-e2e-create");
                assertThat(r.path("instance").asText()).isEqualTo(instanceId);
                assertThat(r.path("action").asText()).isEqualTo("s3aas.instance.create");
            });
            assertThat(all).anySatisfy(r -> {
                assertThat(r.path("actor").asText()).isEqualTo("vic");
                assertThat(r.path("status").asInt()).isEqualTo(403);
                assertThat(r.path("error").asText()).isNotEmpty();
            });
            assertThat(all).anySatisfy(r -> {
                assertThat(r.path("request_id").asText()).isEqualTo(generatedId);
                assertThat(r.path("actor").asText()).isEqualTo("olga");
                assertThat(r.path("action").asText()).isEqualTo("s3aas.token.create");
                assertThat(r.path("status").asInt()).isEqualTo(401);
                assertThat(r.path("token_id").isNull()).isTrue();
            });
            assertThat(all).noneSatisfy(r -> assertThat(r.path("method").asText()).isEqualTo("GET"));

            List<JsonNode> owners = items(http.get("/v1/audit?limit=1000", olga));
            assertThat(owners).isNotEmpty().allSatisfy(r -> assertThat(r.path("project").asText()).isEqualTo(p1));
            assertThat(owners).anySatisfy(r -> assertThat(r.path("request_id").asText()).isEqualTo(KEY_REQUEST));
            assertThat(items(http.get("/v1/audit", oscar)))
                    .noneSatisfy(r -> assertThat(r.path("project").asText()).isEqualTo(p1));
            assertThat(http.get("/v1/audit", vic).status()).isEqualTo(403);

            assertThat(items(http.get("/v1/audit?actor=olga&limit=1000", admin))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("actor").asText()).isEqualTo("olga"));
            assertThat(items(http.get("/v1/audit?instance=" + instanceId, admin))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path("instance").asText()).isEqualTo(instanceId))
                    .anySatisfy(r -> assertThat(r.path("request_id").asText()).isEqualTo(KEY_REQUEST));
            Instant keyTime = Instant.parse(keyRecord.path("time").asText());
            assertThat(items(http.get("/v1/audit?limit=1000&since=" + keyTime, admin)))
                    .anySatisfy(r -> assertThat(r.path("request_id").asText()).isEqualTo(KEY_REQUEST))
                    .noneSatisfy(r -> assertThat(r.path("request_id").asText()).isEqualTo("audit-e2e-create"));
            assertThat(items(http.get("/v1/audit?since=" + Instant.now().plusSeconds(3600), admin))).isEmpty();
            assertThat(http.get("/v1/audit?since=yesterday", admin).status()).isEqualTo(400);
            Http.Resp page = http.get("/v1/audit?limit=2", admin);
            String marker = page.headers().firstValue("X-Next-Marker").orElseThrow();
            assertThat(items(http.get("/v1/audit?limit=2&marker=" + marker, admin))).first()
                    .satisfies(r -> assertThat(r.path("id").asText()).isNotEqualTo(marker));

            String auditJson = http.get("/v1/audit?limit=1000", admin).raw();
            assertThat(secrets).allSatisfy(s -> assertThat(auditJson).doesNotContain(s));
        } finally {
            release(cpLog);
        }
        // (1) nothing at rest: stop the node (its writes are in RocksDB's WAL), reopen its store once as a restart
        // would (recovery writes the WAL into SST files), then grep WAL, SST, LOG, OPTIONS and everything else.
        stopNode(dir, nodeId);
        Path nodeData = dir.resolve("nodes").resolve(nodeId).resolve("data");
        assertThat(filesContaining(dir, KEY_REQUEST)).as("the request id is in the logs and the audit trail")
                .isNotEmpty();
        for (String s : secrets) {
            assertThat(filesContaining(dir, s)).as("files holding a secret before the restart").isEmpty();
        }
        dev.s3aas.node.storage.RocksObjectStore.open(nodeData).close();
        assertThat(Files.readString(dir.resolve("audit.log"))).contains(KEY_REQUEST);
        for (String s : secrets) {
            assertThat(filesContaining(dir, s)).as("files holding a secret").isEmpty();
        }
        assertThat(Files.walk(dir.resolve("nodes").resolve(nodeId)).map(p -> p.getFileName().toString()))
                .as("RocksDB's own files were searched too").anyMatch(n -> n.endsWith(".sst"))
                .anyMatch(n -> n.equals("LOG")).anyMatch(n -> n.startsWith("OPTIONS"));
    }

    /** The node command with the test's node logging configuration (the admin line at INFO) before the main class. */
    private static NodeLauncher withNodeLogging(NodeLauncher launcher) throws Exception {
        List<String> cmd = new ArrayList<>(launcher.commandPrefix());
        String config = Path.of(AuditEndToEndTest.class.getResource("/logback-node.xml").toURI()).toString();
        cmd.add(cmd.size() - 1, "-Dlogback.configurationFile=" + config);
        return new NodeLauncher(cmd, launcher.environment());
    }

    private static String project(Http http, String admin, String name) {
        Http.Resp p = http.post("/v1/iam/projects", admin, Map.of("name", name));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        return p.text("id");
    }

    private static String userWithRole(Http http, String admin, String name, String project, String role,
            List<String> secrets) {
        String password = "Pw-" + name + "-S3cret-" + name.length();
        assertThat(http.post("/v1/iam/users", admin, Map.of("name", name, "password", password)).status()).isEqualTo(201);
        assertThat(http.post("/v1/iam/role_bindings", admin, Map.of("user_id", name, "project_id", project,
                "role", role)).status()).isEqualTo(201);
        secrets.add(password);
        return http.login(name, password);
    }

    private static List<JsonNode> items(Http.Resp r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().forEach(out::add);
        return out;
    }

    private static ListAppender<ILoggingEvent> capture(String... loggers) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : loggers) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            l.setLevel(Level.INFO);
            l.addAppender(appender);
        }
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        for (String name : List.of("s3aas.access", "dev.s3aas.controlplane.reconcile.ReconcileController")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            l.detachAppender(appender);
            l.setLevel(null);
        }
    }

    /** Formatted messages of {@code logger} logged with {@code requestId} in the MDC. */
    private static List<String> messages(ListAppender<ILoggingEvent> appender, String logger, String requestId) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLoggerName().equals(logger))
                    .filter(e -> String.valueOf(e.getMDCPropertyMap().get("request_id")).contains(requestId))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static void stopNode(Path dir, String nodeId) throws Exception {
        String dataDir = dir.resolve("nodes").resolve(nodeId).resolve("data").toAbsolutePath().toString();
        List<ProcessHandle> nodes = ProcessHandle.allProcesses().filter(ph -> ph.info().arguments()
                .map(a -> List.of(a).contains(dataDir)).orElse(false)).toList();
        for (ProcessHandle ph : nodes) {
            ph.destroy();
            ph.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static <T> T poll(Duration limit, Callable<T> c) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return c.call();
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Files under {@code root} (binary files too) that contain {@code needle}. */
    private static List<Path> filesContaining(Path root, String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                        .contains(new String(n, StandardCharsets.ISO_8859_1))) {
                    hits.add(f);
                }
            }
        }
        return hits;
    }
}
