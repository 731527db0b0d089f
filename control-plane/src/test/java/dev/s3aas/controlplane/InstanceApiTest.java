package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.testing.FakeNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/types/s3/instances}, the type root and the version catalog. */
class InstanceApiTest {
    private static final String BASE = "/v1/types/s3/instances";

    @TempDir
    static Path dir;

    static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theSeedReadmeExampleWorksAsShown() {
        Http.Resp r = f.http.post(BASE, f.admin, Map.of("name", "s3-data", "version", "0.0.1",
                "bucket_name", "data-bucket", "encryption", "aes256", "versioning", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("id")).isEqualTo(r.text("uuid")).isNotBlank();
        assertThat(r.text("name")).isEqualTo("s3-data");
        assertThat(r.text("status")).isIn("PENDING", "CREATING");
        assertThat(r.text("bucket_name")).isEqualTo("data-bucket");
        assertThat(r.text("encryption")).isEqualTo("aes256");
        assertThat(r.body().path("versioning").asBoolean()).isTrue();
        assertThat(r.body().path("nodes").isArray()).isTrue();
        assertThat(r.body().has("root_secret")).isFalse();
        assertThat(r.text("version")).isEqualTo("0.0.1");
        assertThat(r.text("kind")).isEqualTo("s3");

        Http.Resp active = f.awaitActive(f.admin, r.text("id"));
        JsonNode node = active.body().path("nodes").get(0);
        assertThat(node.path("id").asText()).isNotBlank();
        assertThat(node.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(active.text("endpoint")).isEqualTo("http://127.0.0.1:" + node.path("port").asInt());
        assertThat(active.text("status_reason")).isEmpty();
        long generation = active.body().path("generation").asLong();
        assertThat(active.body().path("observed_generation").asLong()).isEqualTo(generation);
        Http.Resp patched = f.http.patch(BASE + "/" + r.text("id"), f.admin, Map.of("description", "changed"));
        assertThat(patched.body().path("generation").asLong()).isEqualTo(generation + 1);
        f.awaitInstance(f.admin, r.text("id"),
                i -> i.body().path("observed_generation").asLong() == generation + 1 && "ACTIVE".equals(i.text("status")));

        FakeNode fake = f.nodeOf(f.admin, r.text("id"));
        assertThat(fake.buckets).containsKey("data-bucket");
        assertThat(fake.buckets.get("data-bucket").versioning).isTrue();
        assertThat(fake.buckets.get("data-bucket").encrypted).isTrue();
        Http.Resp bucket = f.http.get(BASE + "/s3-data/buckets/data-bucket", f.admin);
        assertThat(bucket.status()).isEqualTo(200);
    }

    @Test
    void defaultsTheNewestVersionAndReadsByNameOrUuid() {
        Http.Resp r = f.http.post(BASE, f.admin, Map.of("name", "defaults"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("version")).isEqualTo("0.0.1");
        assertThat(r.body().path("nodes_number").asInt()).isEqualTo(1);
        assertThat(f.http.get(BASE + "/defaults", f.admin).text("id")).isEqualTo(r.text("id"));
        assertThat(f.http.get(BASE + "/" + r.text("id"), f.admin).text("name")).isEqualTo("defaults");
        assertThat(f.http.get(BASE + "/nope", f.admin).status()).isEqualTo(404);
    }

    @Test
    void duplicateNameIsAConflict() {
        assertThat(f.http.post(BASE, f.admin, Map.of("name", "dup")).status()).isEqualTo(201);
        Http.Resp again = f.http.post(BASE, f.admin, Map.of("name", "dup"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("field")).isEqualTo("name");
    }

    @Test
    void unknownVersionIsRefused() {
        Http.Resp r = f.http.post(BASE, f.admin, Map.of("name", "badver", "version", "9.9.9"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("field")).isEqualTo("version");
    }

    @Test
    void patchChangesMutableFieldsAndRefusesImmutableOnes() {
        String id = f.activeInstance(f.admin, "patchme");
        Http.Resp r = f.http.patch(BASE + "/" + id, f.admin, Map.of("description", "hello", "disk_size", 20,
                "encryption", "aes256", "name", "patched"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("description")).isEqualTo("hello");
        assertThat(r.body().path("disk_size").asInt()).isEqualTo(20);
        assertThat(r.text("name")).isEqualTo("patched");

        for (String immutable : List.of("version", "bucket_name")) {
            Http.Resp bad = f.http.patch(BASE + "/" + id, f.admin, Map.of(immutable, "x"));
            assertThat(bad.status()).isEqualTo(409);
            assertThat(bad.text("field")).isEqualTo(immutable);
            assertThat(bad.text("code")).isEqualTo("immutable_field");
        }
        Http.Resp shrink = f.http.patch(BASE + "/" + id, f.admin, Map.of("disk_size", 5));
        assertThat(shrink.status()).isEqualTo(422);
        assertThat(shrink.text("field")).isEqualTo("disk_size");
        Http.Resp status = f.http.patch(BASE + "/" + id, f.admin, Map.of("status", "ACTIVE"));
        assertThat(status.status()).isEqualTo(409);
        assertThat(status.text("field")).isEqualTo("status");
    }

    @Test
    void severalLocalNodesAreRefusedAndPointToClusters() {
        Http.Resp two = f.http.post(BASE, f.admin, Map.of("name", "two-nodes", "nodes_number", 2));
        assertThat(two.status()).as(two.toString()).isEqualTo(400);
        assertThat(two.text("field")).isEqualTo("nodes_number");
        assertThat(two.text("message")).contains("independent stores").contains("/v1/types/s3/clusters");
        Http.Resp one = f.http.post(BASE, f.admin, Map.of("name", "one-node", "nodes_number", 1));
        assertThat(one.status()).as(one.toString()).isEqualTo(201);
        Http.Resp grow = f.http.patch(BASE + "/" + one.text("id"), f.admin, Map.of("nodes_number", 2));
        assertThat(grow.status()).as(grow.toString()).isEqualTo(400);
        assertThat(grow.text("field")).isEqualTo("nodes_number");
    }

    @Test
    void aLegacyMultiNodeInstanceKeepsItsNodesAndNeverShrinks() {
        Http.Resp created = f.http.post(BASE, f.admin, Map.of("name", "legacy-nodes"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        f.legacyNodes(id, 2);
        f.awaitInstance(f.admin, id, r -> r.body().path("nodes").size() == 2 && "ACTIVE".equals(r.text("status")));
        Http.Resp shrink = f.http.patch(BASE + "/" + id, f.admin, Map.of("nodes_number", 1));
        assertThat(shrink.status()).as(shrink.toString()).isEqualTo(422);
        assertThat(shrink.text("field")).isEqualTo("nodes_number");
        assertThat(shrink.text("code")).isEqualTo("shrink_refused");
        Http.Resp same = f.http.patch(BASE + "/" + id, f.admin, Map.of("nodes_number", 2, "description", "kept"));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.body().path("nodes_number").asInt()).isEqualTo(2);
        Http.Resp grow = f.http.patch(BASE + "/" + id, f.admin, Map.of("nodes_number", 3));
        assertThat(grow.status()).as(grow.toString()).isEqualTo(400);
    }

    @Test
    void listFiltersByNameAndStatusAndPages() {
        for (int i = 0; i < 3; i++) {
            assertThat(f.http.post(BASE, f.admin, Map.of("name", "page-" + i)).status()).isEqualTo(201);
        }
        Http.Resp byName = f.http.get(BASE + "?name=page-1", f.admin);
        assertThat(byName.body()).hasSize(1);
        assertThat(byName.body().get(0).path("name").asText()).isEqualTo("page-1");

        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            Http.Resp page = f.http.get(BASE + "?limit=2" + (marker == null ? "" : "&marker=" + marker), f.admin);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().size()).isLessThanOrEqualTo(2);
            page.body().forEach(n -> seen.add(n.path("name").asText()));
            marker = page.headers().firstValue("X-Next-Marker").orElse(null);
        } while (marker != null);
        assertThat(seen).contains("page-0", "page-1", "page-2").doesNotHaveDuplicates();

        f.awaitIdle();
        Http.Resp deleting = f.http.get(BASE + "?status=DELETING", f.admin);
        deleting.body().forEach(n -> assertThat(n.path("status").asText()).isEqualTo("DELETING"));
        assertThat(f.http.get(BASE + "?limit=0", f.admin).status()).isEqualTo(400);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        Map<String, String> h = Map.of("Idempotency-Key", "create-once-1");
        Http.Resp first = f.http.call("POST", BASE, f.admin, Map.of("name", "idem"), h);
        Http.Resp retry = f.http.call("POST", BASE, f.admin, Map.of("name", "idem"), h);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(f.http.post(BASE, f.admin, Map.of("name", "idem")).status()).isEqualTo(409);
    }

    @Test
    void deleteIsAsynchronousAndRepeatable() {
        String id = f.activeInstance(f.admin, "doomed");
        Http.Resp first = f.http.delete(BASE + "/" + id, f.admin);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("status")).isEqualTo("DELETING");
        Http.Resp again = f.http.delete(BASE + "/" + id, f.admin);
        assertThat(again.status()).isIn(202, 404);
        f.awaitInstance(f.admin, id, r -> r.status() == 404);
        assertThat(f.provisioner[0].deprovisioned).contains(id);
    }

    @Test
    void typeRootAndVersionCatalog() {
        Http.Resp root = f.http.get("/v1/types/s3/", f.admin);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.raw()).contains("instances").contains("versions");

        Http.Resp versions = f.http.get("/v1/types/s3/versions", f.admin);
        assertThat(versions.body().get(0).path("name").asText()).isEqualTo("0.0.1");
        Http.Resp added = f.http.post("/v1/types/s3/versions", f.admin, Map.of("name", "0.0.2"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(f.http.get("/v1/types/s3/versions/0.0.2", f.admin).status()).isEqualTo(200);
        assertThat(f.http.post("/v1/types/s3/versions", f.admin, Map.of("name", "0.0.2")).status()).isEqualTo(409);
        assertThat(f.http.delete("/v1/types/s3/versions/0.0.2", f.admin).status()).isEqualTo(204);
        assertThat(f.http.post(BASE, f.admin, Map.of("name", "pins-001", "version", "0.0.1")).status()).isEqualTo(201);
        Http.Resp inUse = f.http.delete("/v1/types/s3/versions/0.0.1", f.admin);
        assertThat(inUse.status()).isEqualTo(409);
    }
}
