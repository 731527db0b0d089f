package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.provision.NodeLauncher;
import dev.s3aas.controlplane.provision.PortRange;
import dev.s3aas.controlplane.testing.FakeNode;
import dev.s3aas.controlplane.testing.FakeProvisioner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** A real ControlPlane on a free port with a fake provisioner and in-memory fake nodes. */
final class Fixture implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-password-1";

    final ControlPlane cp;
    final FakeNode.Cluster nodes = new FakeNode.Cluster();
    final FakeProvisioner[] provisioner = new FakeProvisioner[1];
    final Http http;
    final String admin;
    final ControlPlaneConfig config;

    Fixture(Path dataDir) {
        this(ControlPlaneConfig.defaults(dataDir).withListen("127.0.0.1", 0).withAdminPassword(ADMIN_PASSWORD)
                .withTimings(Duration.ofHours(1), Duration.ofSeconds(2)));
    }

    Fixture(ControlPlaneConfig config) {
        this.config = config;
        this.cp = ControlPlane.start(config, (store, tls, onExit) -> provisioner[0] = new FakeProvisioner(store), nodes);
        this.http = new Http(cp.port());
        this.admin = http.login("admin", config.adminPassword() != null ? config.adminPassword() : readGenerated(config));
    }

    private static String readGenerated(ControlPlaneConfig config) {
        try {
            return java.nio.file.Files.readString(config.dataDir().resolve("admin-password")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Polls until the instance matches, or fails after 10 s with its last state. */
    Http.Resp awaitInstance(String token, String id, Predicate<Http.Resp> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Http.Resp r;
        do {
            r = http.get("/v1/types/s3/instances/" + id, token);
            if (done.test(r)) {
                return r;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("instance " + id + " did not reach the expected state: " + r);
    }

    Http.Resp awaitActive(String token, String id) {
        return awaitInstance(token, id, r -> "ACTIVE".equals(r.text("status")));
    }

    /** Waits until the reconciler is idle (all queued work done). */
    void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (cp.reconcilerIdle()) {
                sleep(100);
                if (cp.reconcilerIdle()) {
                    return;
                }
            }
            sleep(20);
        }
        throw new AssertionError("reconciler did not become idle");
    }

    /** Creates an instance as {@code token} and waits for ACTIVE; returns its id. */
    String activeInstance(String token, String name) {
        Http.Resp r = http.post("/v1/types/s3/instances", token, Map.of("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        awaitActive(token, r.text("id"));
        return r.text("id");
    }

    /** The fake node of the instance's first node. */
    FakeNode nodeOf(String token, String instanceId) {
        Http.Resp r = awaitActive(token, instanceId);
        return nodes.node(r.body().path("nodes").get(0).path("ip").asText(), r.body().path("nodes").get(0).path("port").asInt());
    }

    /**
     * Makes an instance one with several local nodes, as the API allowed before such instances were refused
     * (they keep running), then nudges the reconciler with a PATCH.
     */
    void legacyNodes(String instanceId, int nodes) {
        try (dev.s3aas.controlplane.db.Database db = dev.s3aas.controlplane.db.Database.open(config.effectiveDbUrl(),
                config.dbUser(), config.dbPassword())) {
            db.writeVoid(h -> h.createUpdate("UPDATE instances SET nodes_number = :n WHERE uuid = :u")
                    .bind("n", nodes).bind("u", instanceId).execute());
        }
        assertThat(http.patch("/v1/types/s3/instances/" + instanceId, admin, Map.of("description", nodes + " nodes"))
                .status()).isEqualTo(200);
    }

    /** Creates a user, binds it to a project with a role and returns a token for it. */
    String userWithRole(String name, String projectId, String role) {
        Http.Resp u = http.post("/v1/iam/users", admin, Map.of("name", name, "password", "password-" + name));
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        Http.Resp b = http.post("/v1/iam/role_bindings", admin, Map.of("user_id", name, "project_id", projectId, "role", role));
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        return http.login(name, "password-" + name);
    }

    String newProject(String name) {
        Http.Resp p = http.post("/v1/iam/projects", admin, Map.of("name", name));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        return p.text("id");
    }

    /**
     * A configuration whose local provisioner runs {@code nodeMain} (a node program in this JVM's classpath) on
     * ports from a free one up, with a slow resync and a 1 s retry.
     */
    static ControlPlaneConfig localNodes(Path dir, Class<?> nodeMain) throws IOException {
        int first;
        try (ServerSocket s = new ServerSocket(0)) {
            first = s.getLocalPort();
        }
        return ControlPlaneConfig.defaults(dir).withListen("127.0.0.1", 0)
                .withAdminPassword(ADMIN_PASSWORD).withTimings(Duration.ofHours(1), Duration.ofSeconds(1))
                .withNodes(new PortRange(first, Math.min(first + 10, 65535)),
                        NodeLauncher.currentJvm(nodeMain.getName()));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        cp.close();
    }
}
