package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/audit} and its filters and paging on PostgreSQL (AuditEndToEndTest covers SQLite). */
class AuditPostgresApiTest {
    @Test
    void theAuditTrailWorksOnPostgres(@TempDir Path dir) {
        try (Fixture f = new Fixture(ControlPlaneConfig.defaults(dir).withListen("127.0.0.1", 0)
                .withAdminPassword(Fixture.ADMIN_PASSWORD).withTimings(Duration.ofHours(1), Duration.ofSeconds(2))
                .withDatabase(TestPostgres.newDatabaseUrl(), null, null))) {
            String project = f.newProject("pg-audit");
            String owner = f.userWithRole("pg-owner", project, "owner");
            Http.Resp created = f.http.call("POST", "/v1/types/s3/instances", owner, Map.of("name", "pg"),
                    Map.of("X-Request-Id", "pg-create-1"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.text("id");
            f.awaitActive(owner, id);
            assertThat(f.http.post("/v1/types/s3/instances/pg/buckets", owner, Map.of("name", "pg-bucket")).status())
                    .as("the instance named by its name").isEqualTo(201);

            List<JsonNode> mine = items(f.http.get("/v1/audit?instance=" + id, owner));
            assertThat(mine).extracting(r -> r.path("action").asText())
                    .containsExactly("s3aas.instance.create", "s3aas.bucket.create");
            assertThat(mine).allSatisfy(r -> assertThat(r.path("project").asText()).isEqualTo(project));
            assertThat(mine.getFirst().path("request_id").asText()).isEqualTo("pg-create-1");
            assertThat(items(f.http.get("/v1/audit?actor=pg-owner", f.admin))).extracting(r -> r.path("action").asText())
                    .containsExactly("s3aas.token.create", "s3aas.instance.create", "s3aas.bucket.create");
            assertThat(items(f.http.get("/v1/audit?since=" + mine.get(1).path("time").asText() + "&instance=" + id,
                    f.admin))).extracting(r -> r.path("action").asText()).contains("s3aas.bucket.create")
                    .doesNotContain("s3aas.role_binding.create");
            Http.Resp first = f.http.get("/v1/audit?limit=1&instance=" + id, f.admin);
            String marker = first.headers().firstValue("X-Next-Marker").orElseThrow();
            assertThat(items(f.http.get("/v1/audit?limit=1&instance=" + id + "&marker=" + marker, f.admin)))
                    .extracting(r -> r.path("action").asText()).containsExactly("s3aas.bucket.create");
        }
    }

    private static List<JsonNode> items(Http.Resp r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().forEach(out::add);
        return out;
    }
}
