package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check-then-act races on PostgreSQL, made deterministic: a second connection holds a conflicting
 * row uncommitted (invisible to the API's checks), the API call is started and blocks on that row's
 * lock, and only then does the second connection commit. The API must answer 409, never 500.
 */
class PostgresRaceApiTest {
    private static final String BUILT_IN_VERSION = "00000000-0000-4000-8000-000000000001";

    @TempDir
    static Path dir;

    static Fixture f;
    static String url;

    @BeforeAll
    static void start() {
        url = TestPostgres.newDatabaseUrl();
        f = new Fixture(ControlPlaneConfig.defaults(dir).withListen("127.0.0.1", 0)
                .withAdminPassword(Fixture.ADMIN_PASSWORD).withTimings(Duration.ofHours(1), Duration.ofSeconds(2))
                .withDatabase(url, null, null));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void concurrentInstanceCreateWithTheSameNameIs409() throws Exception {
        String project = f.newProject("race-names");
        String token = f.http.login("admin", Fixture.ADMIN_PASSWORD, "race-names");
        Http.Resp r = racing(c -> insertInstance(c, project, "twin", BUILT_IN_VERSION),
                () -> f.http.post("/v1/types/s3/instances", token, Map.of("name", "twin")));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.text("field")).isEqualTo("name");
    }

    @Test
    void deletingAProjectThatGainsAnInstanceIs409() throws Exception {
        String project = f.newProject("race-project");
        Http.Resp r = racing(c -> insertInstance(c, project, "late", BUILT_IN_VERSION),
                () -> f.http.delete("/v1/iam/projects/" + project, f.admin));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.text("code")).isEqualTo("not_empty");
        assertThat(f.http.get("/v1/iam/projects/" + project, f.admin).status()).isEqualTo(200);
    }

    @Test
    void deletingAVersionThatGainsAnInstanceIs409() throws Exception {
        String project = f.newProject("race-version");
        Http.Resp v = f.http.post("/v1/types/s3/versions", f.admin, Map.of("name", "9.9.9"));
        assertThat(v.status()).as(v.toString()).isEqualTo(201);
        Http.Resp r = racing(c -> insertInstance(c, project, "pinned", v.text("id")),
                () -> f.http.delete("/v1/types/s3/versions/9.9.9", f.admin));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.text("code")).isEqualTo("in_use");
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code call} while {@code uncommitted} is held open, commits once the call waits on its locks. */
    private Http.Resp racing(SqlWork uncommitted, Supplier<Http.Resp> call) throws Exception {
        try (Connection side = DriverManager.getConnection(url)) {
            side.setAutoCommit(false);
            uncommitted.run(side);
            CompletableFuture<Http.Resp> response = CompletableFuture.supplyAsync(call);
            awaitLockWait(response);
            side.commit();
            return response.get(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until a backend of the test database waits for a lock (the API's statement). */
    private static void awaitLockWait(CompletableFuture<Http.Resp> response) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Connection watcher = DriverManager.getConnection(url);
                PreparedStatement q = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (System.nanoTime() < deadline) {
                if (response.isDone()) {
                    throw new AssertionError("the API call did not wait for the uncommitted row: " + response.get());
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Fixture.sleep(20);
            }
        }
        throw new AssertionError("the API call never waited for a lock");
    }

    private static void insertInstance(Connection c, String project, String name, String version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO instances (uuid, project_id, name, version_id, "
                + "encryption, versioning, mfa_delete, cpu, ram, disk_size, nodes_number, status, root_user, "
                + "root_secret, generation, created_at, updated_at) VALUES (?, ?, ?, ?, 'NONE', FALSE, FALSE, 1, "
                + "1024, 10, 1, 'PENDING', 'root', 'v1:x', 1, 1, 1)")) {
            s.setString(1, Ids.newId());
            s.setString(2, project);
            s.setString(3, name);
            s.setString(4, version);
            s.executeUpdate();
        }
    }
}
