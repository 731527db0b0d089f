package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.db.Database;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/types/s3/clusters} without a Ceph cluster: who may do what, validation, the write-only secret,
 * the probe's honest ERROR for gateways that do not answer, and what instances on such a cluster are refused.
 * The working path against a real cluster is {@code ceph.CephEngineEndToEndTest} (Maven profile ceph).
 */
class ClusterApiTest {
    private static final String BASE = "/v1/types/s3/clusters";
    private static final String SECRET = "cluster-admin-secret-0123456789";

    @TempDir
    static Path dir;

    static Fixture f;
    static String owner;
    static String viewer;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        String project = f.newProject("cluster-users");
        owner = f.userWithRole("cl-owner", project, "owner");
        viewer = f.userWithRole("cl-viewer", project, "viewer");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** A loopback port nothing listens on: its gateway is refused at once. */
    static String deadGateway() {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> body(String name, List<String> gateways) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("engine", "ceph");
        b.put("gateways", gateways);
        b.put("admin_access_key", "ADMINKEY000000000001");
        b.put("admin_secret_key", SECRET);
        return b;
    }

    Http.Resp register(String name) {
        Http.Resp r = f.http.post(BASE, f.admin, body(name, List.of(deadGateway(), deadGateway())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    Http.Resp awaitProbed(String name) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Http.Resp r;
        do {
            r = f.http.get(BASE + "/" + name, f.admin);
            if (!"PENDING".equals(r.text("status"))) {
                return r;
            }
            Fixture.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("cluster was never probed: " + r);
    }

    @Test
    void anAdminRegistersAClusterWhoseSecretIsNeverShownAndWhoseDeadGatewaysAreReported() {
        Http.Resp created = register("ceph-dead");
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.text("admin_access_key")).isEqualTo("ADMINKEY000000000001");
        assertThat(created.raw()).doesNotContain(SECRET).doesNotContain("admin_secret_key");
        assertThat(created.body().path("gateways")).hasSize(2);

        Http.Resp probed = awaitProbed("ceph-dead");
        assertThat(probed.text("status")).isEqualTo("ERROR");
        assertThat(probed.text("status_reason")).contains("unreachable").contains("no gateway reachable");
        assertThat(probed.body().path("gateway_health").get(0).path("status").asText()).isEqualTo("UNREACHABLE");
        JsonNode caps = probed.body().path("capabilities");
        for (String c : List.of("versioning", "object_lock", "quota", "encryption", "mfa_delete", "policies")) {
            assertThat(caps.path(c).path("supported").asBoolean()).as(c).isFalse();
        }
        assertThat(probed.raw()).doesNotContain(SECRET);
        assertThat(f.http.get(BASE, f.admin).raw()).doesNotContain(SECRET);
    }

    @Test
    void theSecretIsSealedInTheDatabase() {
        register("ceph-sealed");
        try (Database db = Database.open(f.config.effectiveDbUrl(), null, null)) {
            String stored = db.read(h -> h.createQuery("SELECT admin_secret FROM clusters WHERE name = 'ceph-sealed'")
                    .mapTo(String.class).one());
            assertThat(stored).isNotBlank().doesNotContain(SECRET);
        }
    }

    @Test
    void ownersSeeNamesAndCapabilitiesButNoEndpointsOrKeys() {
        register("ceph-seen");
        Http.Resp list = f.http.get(BASE, owner);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode one = null;
        for (JsonNode c : list.body()) {
            if ("ceph-seen".equals(c.path("name").asText())) {
                one = c;
            }
        }
        assertThat(one).isNotNull();
        assertThat(one.has("capabilities")).isTrue();
        assertThat(one.has("gateways")).isFalse();
        assertThat(one.has("admin_access_key")).isFalse();
        assertThat(one.has("gateway_health")).isFalse();
        assertThat(f.http.get(BASE + "/ceph-seen", owner).body().has("admin_access_key")).isFalse();

        assertThat(f.http.get(BASE, viewer).status()).isEqualTo(403);
        assertThat(f.http.post(BASE, owner, body("ceph-mine", List.of(deadGateway()))).status()).isEqualTo(403);
        assertThat(f.http.patch(BASE + "/ceph-seen", owner, Map.of("description", "x")).status()).isEqualTo(403);
        assertThat(f.http.delete(BASE + "/ceph-seen", owner).status()).isEqualTo(403);
    }

    @Test
    void badRegistrationsNameTheirField() {
        Map<String, Object> engine = body("bad-engine", List.of(deadGateway()));
        engine.put("engine", "minio");
        expect400(engine, "engine");
        expect400(body("bad-gw", List.of()), "gateways");
        expect400(body("bad-gw2", List.of("ftp://127.0.0.1:1")), "gateways");
        expect400(body("bad-gw3", List.of("http://127.0.0.1:7480/admin")), "gateways");
        expect400(body("bad-gw4", List.of("http://u:p@127.0.0.1:7480")), "gateways");
        String gw = deadGateway();
        expect400(body("bad-gw5", List.of(gw, gw)), "gateways");
        Map<String, Object> numbers = body("bad-gw6", List.of(deadGateway()));
        numbers.put("gateways", List.of(1, 2));
        expect400(numbers, "gateways");
        Map<String, Object> noSecret = body("no-secret", List.of(deadGateway()));
        noSecret.remove("admin_secret_key");
        expect400(noSecret, "admin_secret_key");
        expect400(body("Upper", List.of(deadGateway())), "name");
        Map<String, Object> prom = body("bad-prom", List.of(deadGateway()));
        prom.put("prometheus_url", "not a url");
        expect400(prom, "prometheus_url");

        register("ceph-twice");
        Http.Resp again = f.http.post(BASE, f.admin, body("ceph-twice", List.of(deadGateway())));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("field")).isEqualTo("name");
        Http.Resp rename = f.http.patch(BASE + "/ceph-twice", f.admin, Map.of("name", "other"));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.text("code")).isEqualTo("immutable_field");
    }

    private static void expect400(Map<String, Object> body, String field) {
        Http.Resp r = f.http.post(BASE, f.admin, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text("field")).as(r.toString()).isEqualTo(field);
    }

    @Test
    void instancesOnAClusterAreRefusedWhatItCannotDo() {
        register("ceph-limited");
        awaitProbed("ceph-limited");
        String instances = "/v1/types/s3/instances";
        Http.Resp unknown = f.http.post(instances, f.admin, Map.of("name", "i-unknown", "cluster", "no-such"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("cluster");
        for (String field : List.of("encryption", "mfa_delete", "versioning")) {
            Object value = field.equals("encryption") ? "aes256" : true;
            Http.Resp r = f.http.post(instances, f.admin, Map.of("name", "i-" + field.replace('_', '-'),
                    "cluster", "ceph-limited", field, value));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.text("field")).isEqualTo(field);
            assertThat(r.text("message")).contains("cluster 'ceph-limited' cannot do " + field);
        }
        Http.Resp nodes = f.http.post(instances, f.admin, Map.of("name", "i-nodes", "cluster", "ceph-limited",
                "nodes_number", 2));
        assertThat(nodes.status()).isEqualTo(400);
        assertThat(nodes.text("field")).isEqualTo("nodes_number");

        Http.Resp plain = f.http.post(instances, f.admin, Map.of("name", "i-plain", "cluster", "ceph-limited"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.text("cluster")).isEqualTo("ceph-limited");
        String id = plain.text("id");
        Http.Resp seen = f.awaitInstance(f.admin, id, r -> "ERROR".equals(r.text("status")));
        assertThat(seen.text("status_reason")).contains("unreachable");
        assertThat(seen.body().path("nodes")).hasSize(2);
        assertThat(seen.body().path("nodes").get(0).path("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(seen.text("endpoint")).isEqualTo(seen.body().path("nodes").get(0).path("url").asText());

        Http.Resp patch = f.http.patch(instances + "/" + id, f.admin, Map.of("encryption", "aes256"));
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.text("field")).isEqualTo("encryption");
        String buckets = instances + "/" + id + "/buckets";
        Http.Resp lock = f.http.post(buckets, f.admin, Map.of("name", "locked", "object_lock_enabled", true));
        assertThat(lock.status()).isEqualTo(400);
        assertThat(lock.text("field")).isEqualTo("object_lock_enabled");
        Http.Resp quota = f.http.post(buckets, f.admin, Map.of("name", "quota", "quota_bytes", 1000));
        assertThat(quota.status()).isEqualTo(400);
        assertThat(quota.text("field")).isEqualTo("quota_bytes");
        Http.Resp pub = f.http.post(buckets, f.admin, Map.of("name", "pub", "public", true));
        assertThat(pub.status()).isEqualTo(400);
        assertThat(pub.text("field")).isEqualTo("public");

        Http.Resp inUse = f.http.delete(BASE + "/ceph-limited", f.admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("in_use");
    }

    @Test
    void aPatchChangesGatewaysAndKeysAndProbesAgainAndAnUnusedClusterIsDeleted() {
        register("ceph-moved");
        awaitProbed("ceph-moved");
        String gw = deadGateway();
        Http.Resp patched = f.http.patch(BASE + "/ceph-moved", f.admin, Map.of("gateways", List.of(gw),
                "admin_secret_key", "another-secret-987654321"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().path("gateways").get(0).asText()).isEqualTo(gw);
        assertThat(patched.raw()).doesNotContain("another-secret-987654321");
        Http.Resp again = awaitProbed("ceph-moved");
        assertThat(again.text("status_reason")).contains(gw);
        assertThat(f.http.delete(BASE + "/ceph-moved", f.admin).status()).isEqualTo(204);
        assertThat(f.http.get(BASE + "/ceph-moved", f.admin).status()).isEqualTo(404);
    }
}
