package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.testing.FakeNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /instances/{id}/buckets}: CRUD, and what reaches the node. */
class BucketApiTest {
    @TempDir
    static Path dir;

    static Fixture f;
    static String base;
    static FakeNode node;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        String id = f.activeInstance(f.admin, "buckets");
        base = "/v1/types/s3/instances/" + id + "/buckets";
        node = f.nodeOf(f.admin, id);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void createReadUpdateDeleteReachTheNode() {
        Http.Resp created = f.http.post(base, f.admin, Map.of("name", "photos", "quota_bytes", 1048576, "public", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.body().path("versioning_enabled").asBoolean()).isFalse();
        f.awaitIdle();
        assertThat(f.http.get(base + "/photos", f.admin).text("status")).isEqualTo("ACTIVE");
        assertThat(f.http.get(base + "/" + created.text("id"), f.admin).text("name")).isEqualTo("photos");
        assertThat(node.buckets.get("photos").quota).isEqualTo(1048576);
        assertThat(node.buckets.get("photos").publicRead).isTrue();

        Http.Resp patched = f.http.patch(base + "/photos", f.admin, Map.of("versioning_enabled", true, "public", false,
                "quota_bytes", 0));
        assertThat(patched.status()).isEqualTo(200);
        f.awaitIdle();
        assertThat(node.buckets.get("photos").versioning).isTrue();
        assertThat(node.buckets.get("photos").publicRead).isFalse();
        assertThat(node.buckets.get("photos").quota).isZero();

        assertThat(f.http.post(base, f.admin, Map.of("name", "photos")).status()).isEqualTo(409);
        assertThat(f.http.delete(base + "/photos", f.admin).status()).isEqualTo(204);
        assertThat(f.http.get(base + "/photos", f.admin).status()).isEqualTo(404);
        f.awaitIdle();
        assertThat(node.buckets).doesNotContainKey("photos");
    }

    @Test
    void objectLockWithDefaultRetention() {
        Http.Resp created = f.http.post(base, f.admin, Map.of("name", "vault", "object_lock_enabled", true,
                "default_retention_mode", "COMPLIANCE", "default_retention_days", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("versioning_enabled").asBoolean()).isTrue();
        f.awaitIdle();
        FakeNode.BucketState b = node.buckets.get("vault");
        assertThat(b.objectLock).isTrue();
        assertThat(b.retentionMode).isEqualTo("COMPLIANCE");
        assertThat(b.retentionDays).isEqualTo(30);
        Http.Resp suspend = f.http.patch(base + "/vault", f.admin, Map.of("versioning_enabled", false));
        assertThat(suspend.status()).isEqualTo(422);
        assertThat(f.http.patch(base + "/vault", f.admin, Map.of("default_retention_mode", "GOVERNANCE",
                "default_retention_days", 1)).status()).isEqualTo(200);
        f.awaitIdle();
        assertThat(b.retentionMode).isEqualTo("GOVERNANCE");
    }

    @Test
    void nonEmptyBucketCannotBeDeleted() {
        assertThat(f.http.post(base, f.admin, Map.of("name", "full")).status()).isEqualTo(201);
        f.awaitIdle();
        node.buckets.get("full").objects = 3;
        Http.Resp r = f.http.delete(base + "/full", f.admin);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("code")).isEqualTo("not_empty");
        node.buckets.get("full").objects = 0;
        assertThat(f.http.delete(base + "/full", f.admin).status()).isEqualTo(204);
    }

    @Test
    void deleteAsksEveryNodeAndRefusesWhenOneCannotAnswer() {
        Http.Resp inst = f.http.post("/v1/types/s3/instances", f.admin, Map.of("name", "two-nodes"));
        assertThat(inst.status()).as(inst.toString()).isEqualTo(201);
        f.legacyNodes(inst.text("id"), 2);
        Http.Resp active = f.awaitInstance(f.admin, inst.text("id"),
                r -> r.body().path("nodes").size() == 2 && "ACTIVE".equals(r.text("status")));
        FakeNode first = f.nodes.node("127.0.0.1", active.body().path("nodes").get(0).path("port").asInt());
        FakeNode second = f.nodes.node("127.0.0.1", active.body().path("nodes").get(1).path("port").asInt());
        String buckets = "/v1/types/s3/instances/" + inst.text("id") + "/buckets";
        assertThat(f.http.post(buckets, f.admin, Map.of("name", "spread")).status()).isEqualTo(201);
        f.awaitIdle();

        second.buckets.get("spread").objects = 1;
        Http.Resp full = f.http.delete(buckets + "/spread", f.admin);
        assertThat(full.status()).as("objects on the second node only").isEqualTo(409);
        second.buckets.get("spread").objects = 0;

        first.unreachable = true;
        Http.Resp unknown = f.http.delete(buckets + "/spread", f.admin);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(503);
        assertThat(unknown.text("code")).isEqualTo("nodes_unavailable");
        assertThat(f.http.get(buckets + "/spread", f.admin).status()).isEqualTo(200);

        first.unreachable = false;
        assertThat(f.http.delete(buckets + "/spread", f.admin).status()).isEqualTo(204);
    }

    @Test
    void listPagesAndFilters() {
        for (String n : new String[] {"list-a", "list-b", "list-c"}) {
            assertThat(f.http.post(base, f.admin, Map.of("name", n)).status()).isEqualTo(201);
        }
        Http.Resp page = f.http.get(base + "?limit=1", f.admin);
        assertThat(page.body()).hasSize(1);
        assertThat(page.headers().firstValue("X-Next-Marker")).isPresent();
        assertThat(f.http.get(base + "?name=list-b", f.admin).body()).hasSize(1);
    }
}
