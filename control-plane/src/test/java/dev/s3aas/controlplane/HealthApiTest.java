package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /health and /ready on a running control plane, without credentials. */
class HealthApiTest {
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
    void healthAndReadinessNeedNoToken() {
        Http.Resp health = f.http.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("ok");
        Http.Resp ready = f.http.get("/ready", null);
        assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("ready");
        assertThat(ready.body().path("checks").path("database").asText()).isEqualTo("ok");
        assertThat(ready.body().path("checks").path("migrations").asText()).isEqualTo("ok");
        assertThat(ready.body().path("checks").path("reconciler").asText()).isEqualTo("ok");
    }
}
