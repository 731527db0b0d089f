package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/auth/token} and bearer authentication. */
class AuthApiTest {
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
    void passwordGrantReturnsASignedBearerToken() {
        Http.Resp r = f.http.post("/v1/auth/token", null, Map.of("username", "admin", "password", Fixture.ADMIN_PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("token_type")).isEqualTo("Bearer");
        assertThat(r.headers().firstValue("Server")).as("no version banner").isEmpty();
        assertThat(r.body().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(r.text("access_token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(r.text("refresh_token")).isNotBlank();
        assertThat(f.http.get("/v1/types/s3/instances", r.text("access_token")).status()).isEqualTo(200);
    }

    @Test
    void badCredentialsAndBadTokensAre401() {
        assertThat(f.http.post("/v1/auth/token", null, Map.of("username", "admin", "password", "wrong-password")).status())
                .isEqualTo(401);
        assertThat(f.http.post("/v1/auth/token", null, Map.of("username", "ghost", "password", "whatever1")).status())
                .isEqualTo(401);
        assertThat(f.http.get("/v1/types/s3/instances", null).status()).isEqualTo(401);
        assertThat(f.http.get("/v1/types/s3/instances", "garbage").status()).isEqualTo(401);
        String token = f.admin;
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        Http.Resp r = f.http.get("/v1/types/s3/instances", tampered);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text("code")).isEqualTo("unauthorized");
        Http.Resp missing = f.http.post("/v1/auth/token", null, Map.of("username", "admin"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("field")).isEqualTo("password");
    }

    @Test
    void refreshTokensRotate() {
        Http.Resp login = f.http.post("/v1/auth/token", null, Map.of("username", "admin", "password", Fixture.ADMIN_PASSWORD));
        String refresh = login.text("refresh_token");
        Http.Resp renewed = f.http.post("/v1/auth/token", null, Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.text("refresh_token")).isNotEqualTo(refresh);
        assertThat(f.http.get("/v1/iam/projects", renewed.text("access_token")).status()).isEqualTo(200);
        Http.Resp reused = f.http.post("/v1/auth/token", null, Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(reused.status()).isEqualTo(401);
    }

    @Test
    void projectScopeMustBeAProjectOfTheUser() {
        String projectId = f.newProject("scoped");
        String token = f.http.login("admin", Fixture.ADMIN_PASSWORD, "scoped");
        Http.Resp created = f.http.post("/v1/types/s3/instances", token, Map.of("name", "in-scoped"));
        assertThat(created.text("project_id")).isEqualTo(projectId);
        String viewer = f.userWithRole("scope-viewer", projectId, "viewer");
        assertThat(viewer).isNotBlank();
        Http.Resp denied = f.http.post("/v1/auth/token", null, Map.of("username", "scope-viewer",
                "password", "password-scope-viewer", "project_id", "default"));
        assertThat(denied.status()).isEqualTo(400);
        assertThat(denied.text("field")).isEqualTo("project_id");
    }

    @Test
    void generatedAdminPasswordIsWrittenOwnerOnlyAndExpiredTokensAre401(@TempDir Path other) throws Exception {
        ControlPlaneConfig config = ControlPlaneConfig.defaults(other).withListen("127.0.0.1", 0)
                .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (Fixture generated = new Fixture(config)) {
            Path file = other.resolve("admin-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve("master.key"))))
                    .isEqualTo("rw-------");
            String token = generated.http.login("admin", Files.readString(file).strip());
            assertThat(generated.http.get("/v1/iam/projects", token).status()).isEqualTo(200);
            Thread.sleep(1500);
            Http.Resp expired = generated.http.get("/v1/iam/projects", token);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.text("message")).contains("expired");
        }
    }
}
