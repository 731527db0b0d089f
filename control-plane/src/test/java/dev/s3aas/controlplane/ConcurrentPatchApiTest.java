package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.testing.TestDatabases;
import dev.s3aas.controlplane.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lost updates: several clients PATCH different fields of one resource at the same time, each
 * client only its own field. No PATCH may undo another's field, so after each of its PATCHes a
 * client reads its own value back, and at the end every field holds its last written value. Runs
 * through the real REST API on SQLite and on PostgreSQL.
 */
class ConcurrentPatchApiTest {
    /** PATCHes per field; enough that unprotected read-modify-writes interleave every run. */
    private static final int ROUNDS = 30;
    private static final long FUTURE = Instant.parse("2099-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    static Path dir;

    private static final Map<TestDatabases, Fixture> FIXTURES = new EnumMap<>(TestDatabases.class);

    /** One control plane per database kind, shared by the tests of this class. */
    private static synchronized Fixture fixture(TestDatabases kind) {
        return FIXTURES.computeIfAbsent(kind, k -> {
            ControlPlaneConfig c = ControlPlaneConfig.defaults(dir.resolve(k.name())).withListen("127.0.0.1", 0)
                    .withAdminPassword(Fixture.ADMIN_PASSWORD).withTimings(Duration.ofHours(1), Duration.ofSeconds(2));
            return new Fixture(k == TestDatabases.POSTGRES ? c.withDatabase(TestPostgres.newDatabaseUrl(), null, null) : c);
        });
    }

    @AfterAll
    static void stop() {
        FIXTURES.values().forEach(Fixture::close);
    }

    /** A field one client owns: the value it writes in round {@code i}. */
    private record Field(String name, IntFunction<Object> value) {}

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void bucketFields(TestDatabases kind) {
        Fixture f = fixture(kind);
        String base = "/v1/types/s3/instances/" + f.activeInstance(f.admin, "race-buckets") + "/buckets";
        Http.Resp b = f.http.post(base, f.admin, Map.of("name", "race"));
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        race(f, base + "/race", List.of(
                new Field("quota_bytes", i -> 1_000_000L + i),
                new Field("public", i -> i % 2 == 0),
                new Field("versioning_enabled", i -> i % 2 == 1)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void instanceFields(TestDatabases kind) {
        Fixture f = fixture(kind);
        String id = f.activeInstance(f.admin, "race-instance");
        // disk_size only grows (422 otherwise): a stale write of a smaller size would also be refused.
        race(f, "/v1/types/s3/instances/" + id, List.of(
                new Field("description", i -> "described " + i),
                new Field("cpu", i -> 1 + i),
                new Field("disk_size", i -> 10 + i)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void userAndAccessKeyFields(TestDatabases kind) {
        Fixture f = fixture(kind);
        String base = "/v1/types/s3/instances/" + f.activeInstance(f.admin, "race-users") + "/users";
        assertThat(f.http.post(base, f.admin, Map.of("name", "ann")).status()).isEqualTo(201);
        race(f, base + "/ann", List.of(
                new Field("description", i -> "user " + i),
                new Field("status", i -> i % 2 == 0 ? "DISABLED" : "ACTIVE")));
        Http.Resp k = f.http.post(base + "/ann/access-keys", f.admin, Map.of());
        assertThat(k.status()).as(k.toString()).isEqualTo(201);
        race(f, base + "/ann/access-keys/" + k.text("id"), List.of(
                new Field("description", i -> "key " + i),
                new Field("status", i -> i % 2 == 0 ? "INACTIVE" : "ACTIVE"),
                new Field("expires_at", i -> Instant.ofEpochMilli(FUTURE + i * 1000L).toString())));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void policyFields(TestDatabases kind) {
        Fixture f = fixture(kind);
        String base = "/v1/types/s3/instances/" + f.activeInstance(f.admin, "race-policies") + "/policies";
        Http.Resp p = f.http.post(base, f.admin, Map.of("name", "race-0", "content", document(0)));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        race(f, base + "/" + p.text("id"), List.of(
                new Field("name", i -> "race-" + (i + 1)),
                new Field("content", ConcurrentPatchApiTest::document)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void iamProjectAndUserFields(TestDatabases kind) {
        Fixture f = fixture(kind);
        String project = f.newProject("race-project");
        race(f, "/v1/iam/projects/" + project, List.of(
                new Field("name", i -> "race-project-" + i),
                new Field("description", i -> "project " + i)));
        Http.Resp u = f.http.post("/v1/iam/users", f.admin, Map.of("name", "race-user", "password", "password-race"));
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        race(f, "/v1/iam/users/" + u.text("id"), List.of(
                new Field("is_admin", i -> i % 2 == 0),
                new Field("status", i -> i % 2 == 0 ? "DISABLED" : "ACTIVE")));
    }

    private static Map<String, Object> document(int i) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                "Action", List.of("s3:GetObject"), "Resource", List.of("arn:aws:s3:::bucket-" + i + "/*"))));
    }

    /**
     * One client per field, all started together: each PATCHes its field {@link #ROUNDS} times and
     * reads it back after every PATCH. Nobody else writes that field, so any other value read back
     * is a PATCH of another field that wrote a stale copy of this one.
     */
    private static void race(Fixture f, String path, List<Field> fields) {
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        for (Field field : fields) {
            clients.add(Thread.ofPlatform().start(() -> {
                await(go);
                for (int i = 0; i < ROUNDS; i++) {
                    Object want = field.value().apply(i);
                    Http.Resp r = f.http.patch(path, f.admin, Map.of(field.name(), want));
                    if (r.status() != 200) {
                        problems.add("PATCH " + field.name() + "=" + want + ": " + r);
                        continue;
                    }
                    JsonNode got = f.http.get(path, f.admin).body().path(field.name());
                    if (!same(field.name(), got, want)) {
                        problems.add(field.name() + ": wrote " + want + ", read back " + got);
                    }
                }
            }));
        }
        go.countDown();
        clients.forEach(ConcurrentPatchApiTest::join);
        JsonNode last = f.http.get(path, f.admin).body();
        for (Field field : fields) {
            Object want = field.value().apply(ROUNDS - 1);
            if (!same(field.name(), last.path(field.name()), want)) {
                problems.add("final " + field.name() + ": want " + want + ", have " + last.path(field.name()));
            }
        }
        assertThat(problems).as("lost updates on " + path).isEmpty();
    }

    private static boolean same(String name, JsonNode got, Object want) {
        if (name.equals("expires_at")) {
            return got.isTextual() && Instant.parse(got.asText()).equals(Instant.parse((String) want));
        }
        if (want instanceof Number n) {
            return got.isIntegralNumber() && got.asLong() == n.longValue();
        }
        return got.equals(Http.JSON.valueToTree(want));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
