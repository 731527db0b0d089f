package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Idempotency-Key} on POST: stored sealed, executed once, replayed only to who may still see it. */
class IdempotencyApiTest {
    private static final String BASE = "/v1/types/s3/instances";

    @TempDir
    static Path dir;

    static Fixture f;
    static String projectId;
    static String scoped;
    static String instance;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        projectId = f.newProject("idem");
        scoped = f.http.login("admin", Fixture.ADMIN_PASSWORD, "idem");
        instance = f.activeInstance(scoped, "idem-instance");
        for (String user : List.of("alice", "bob")) {
            assertThat(f.http.post(BASE + "/" + instance + "/users", scoped, Map.of("name", user)).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String keys(String user) {
        return BASE + "/" + instance + "/users/" + user + "/access-keys";
    }

    private static Http.Resp postKey(String token, String idemKey) {
        return postKey(token, "alice", idemKey);
    }

    private static Http.Resp postKey(String token, String user, String idemKey) {
        return f.http.call("POST", keys(user), token, Map.of("description", "idem"), Map.of("Idempotency-Key", idemKey));
    }

    @Test
    void theReplayedSecretIsStoredSealed() throws Exception {
        Http.Resp first = postKey(scoped, "sealed-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String secret = first.text("secret_key");
        assertThat(secret).hasSize(40);
        Http.Resp retry = postKey(scoped, "sealed-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("secret_key")).isEqualTo(secret);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        try (Connection c = sqlite(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT body FROM idempotency_keys WHERE idem_key = 'sealed-1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(secret).doesNotContain(first.text("access_key"));
        }
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneKey() throws Exception {
        List<Http.Resp> responses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Resp>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(threads.submit(() -> postKey(scoped, "bob", "parallel-1")));
            }
            for (Future<Http.Resp> call : calls) {
                responses.add(call.get());
            }
        }
        List<String> created = new ArrayList<>();
        for (Http.Resp r : responses) {
            if (r.status() == 201) {
                created.add(r.text("access_key"));
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.text("code")).isEqualTo("idempotency_key_in_progress");
            }
        }
        assertThat(created).isNotEmpty().allMatch(created.get(0)::equals);
        Http.Resp bobs = f.http.get(keys("bob"), scoped);
        assertThat(bobs.body()).hasSize(1);
        assertThat(bobs.body().get(0).path("access_key").asText()).isEqualTo(created.get(0));
    }

    @Test
    void aFailureToStoreTheResponseStillAnswersWithTheCreatedResource() throws Exception {
        try (Connection c = sqlite(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER idem_store_fails BEFORE UPDATE ON idempotency_keys "
                    + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        try {
            Http.Resp r = postKey(scoped, "lost-1");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.text("secret_key")).hasSize(40);
            // Not stored, but still reserved: a retry must not create a second key.
            Http.Resp retry = postKey(scoped, "lost-1");
            assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        } finally {
            try (Connection c = sqlite(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER idem_store_fails");
            }
        }
    }

    @Test
    void aReplayIsAuthorisedAgain() {
        Http.Resp user = f.http.post("/v1/iam/users", f.admin, Map.of("name", "idem-operator", "password", "idem-op-pass"));
        assertThat(user.status()).isEqualTo(201);
        Http.Resp binding = f.http.post("/v1/iam/role_bindings", f.admin, Map.of("user_id", "idem-operator",
                "project_id", projectId, "role", "operator"));
        assertThat(binding.status()).isEqualTo(201);
        String operator = f.http.login("idem-operator", "idem-op-pass");
        Http.Resp first = postKey(operator, "revoked-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        assertThat(f.http.delete("/v1/iam/role_bindings/" + binding.text("id"), f.admin).status()).isEqualTo(204);
        Http.Resp replay = postKey(operator, "revoked-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(404);
        assertThat(replay.raw()).doesNotContain(first.text("secret_key"));
    }

    @Test
    void keysArePerTokenScope() {
        String other = f.newProject("idem-other");
        String otherScoped = f.http.login("admin", Fixture.ADMIN_PASSWORD, "idem-other");
        Map<String, String> h = Map.of("Idempotency-Key", "scope-1");
        Http.Resp inA = f.http.call("POST", BASE, scoped, Map.of("name", "scope-idem"), h);
        Http.Resp inB = f.http.call("POST", BASE, otherScoped, Map.of("name", "scope-idem"), h);
        assertThat(inA.status()).isEqualTo(201);
        assertThat(inB.status()).as(inB.toString()).isEqualTo(201);
        assertThat(inB.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(inB.text("project_id")).isEqualTo(other);
        assertThat(inA.text("project_id")).isEqualTo(projectId);
    }

    private static Connection sqlite() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("control-plane.db"));
    }
}
