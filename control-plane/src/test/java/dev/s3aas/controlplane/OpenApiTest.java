package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document covers exactly the routes of the router, with the contract's paths. */
class OpenApiTest {
    @Test
    void documentMatchesTheRouteTable(@TempDir Path dir) {
        try (Fixture f = new Fixture(dir)) {
            Http.Resp doc = f.http.get("/v1/openapi.json", null);
            assertThat(doc.status()).isEqualTo(200);
            assertThat(doc.text("openapi")).startsWith("3.");

            Set<String> documented = new HashSet<>();
            for (Map.Entry<String, JsonNode> path : doc.body().path("paths").properties()) {
                path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
            }
            Set<String> routed = routesOf(f);
            assertThat(documented).isEqualTo(routed);
            assertThat(documented).contains(
                    "POST /v1/types/s3/instances", "PATCH /v1/types/s3/instances/{instance}",
                    "POST /v1/types/s3/instances/{instance}/users/{user}/access-keys",
                    "GET /v1/types/s3/instances/{instance}/users/{user}/keys/{key}",
                    "DELETE /v1/types/s3/instances/{instance}/users/{user}/policies/{policy}",
                    "POST /v1/auth/token", "GET /v1/auth/whoami", "GET /v1/openapi.json", "GET /v1/types/s3");
            JsonNode instance = doc.body().path("components").path("schemas").path("Instance").path("properties");
            assertThat(instance.path("status").path("readOnly").asBoolean()).isTrue();
            assertThat(instance.has("root_secret")).isFalse();
            assertThat(doc.body().path("components").path("schemas").path("AccessKey").path("properties")
                    .path("secret_key").path("x-immutable").asBoolean()).isTrue();
        }
    }

    private static Set<String> routesOf(Fixture f) {
        Set<String> out = new HashSet<>();
        for (var r : f.cp.routes()) {
            out.add(r.method() + " " + r.template());
        }
        return out;
    }
}
