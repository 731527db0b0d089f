package dev.s3aas.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.api.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shape of an audit record (one audit.log line, one item of GET /v1/audit) and action names. */
class AuditRecordTest {
    @Test
    void oneLineOfJsonWithEveryFieldNamedAsDocumented() throws Exception {
        AuditRecord r = new AuditRecord("id-1", Instant.parse("2025-01-31T12:00:00Z"), "req-1", "olga", "u-1",
                "jti-1", "s3aas.access_key.create", "POST", "/v1/types/s3/instances/{instance}/users/{user}/access-keys",
                "/v1/types/s3/instances/i-1/users/app/access-keys", "p-1", "i-1", "127.0.0.1", 201, 12, null);
        String line = new String(AuditLog.line(r), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode n = new ObjectMapper().readTree(line);
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "time", "request_id", "actor", "actor_id", "token_id", "action",
                "method", "route", "path", "project", "instance", "client", "status", "duration_ms", "error");
        assertThat(n.path("time").asText()).isEqualTo("2025-01-31T12:00:00Z");
        assertThat(n.path("status").asInt()).isEqualTo(201);
        assertThat(n.path("duration_ms").asLong()).isEqualTo(12);
        assertThat(n.path("error").isNull()).isTrue();
    }

    @Test
    void theActionIsTheRoutesPermissionOrItsCollectionAndVerb() {
        Route.Endpoint e = req -> ApiResponse.noContent();
        assertThat(Actions.of(new Route("POST", "/v1/x/{i}/buckets", "", "s3aas.bucket.create", Shape.NONE, null, null,
                true, e))).isEqualTo("s3aas.bucket.create");
        assertThat(Actions.of(new Route("POST", "/v1/auth/token", "", "public", Shape.NONE, null, null, false, e)))
                .isEqualTo("s3aas.token.create");
        assertThat(Actions.of(new Route("DELETE", "/v1/iam/users/{user}", "", "admin", Shape.NONE, null, null, true, e)))
                .isEqualTo("s3aas.users.delete");
        assertThat(Actions.of(new Route("PATCH", "/v1/a/access-keys/{k}", "", "admin", Shape.NONE, null, null, true, e)))
                .isEqualTo("s3aas.access_keys.update");
        assertThat(Actions.of(null)).isNull();
    }
}
