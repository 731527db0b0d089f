package dev.s3aas.controlplane.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Optimistic}: stale attempts are rolled back and run again, a bounded number of times. */
class OptimisticTest {
    @TempDir
    Path tmp;

    /**
     * PostgreSQL only: on SQLite a write transaction holds the JVM write lock from its first read,
     * so no other write can commit between its read and its write.
     */
    @Test
    void aStaleAttemptIsRolledBackAndRunAgainOnTheFreshRow() {
        try (Database db = TestDatabases.POSTGRES.open(tmp)) {
            IamRepository repo = new IamRepository();
            db.writeVoid(h -> repo.insertProject(h, new Project("p-1", "p", "", 1, 1)));
            AtomicInteger attempts = new AtomicInteger();
            Project written = Optimistic.retry(() -> db.write(h -> {
                Project cur = repo.findProject(h, "p").orElseThrow();
                if (attempts.incrementAndGet() == 1) {
                    // A concurrent writer, committed between this attempt's read and its write.
                    Thread t = Thread.ofPlatform().start(() -> db.writeVoid(o -> repo.updateProject(o,
                            new Project("p-1", "p", "theirs", 1, 2), 1)));
                    join(t);
                }
                Project next = new Project("p-1", "p", cur.description() + "+mine", 1, cur.updatedAt() + 1);
                Optimistic.requireUpdated(repo.updateProject(h, next, cur.updatedAt()));
                return next;
            }));
            assertThat(attempts).hasValue(2);
            assertThat(written.description()).isEqualTo("theirs+mine");
            assertThat(db.read(h -> repo.findProject(h, "p")).orElseThrow().description()).isEqualTo("theirs+mine");
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

    @Test
    void givesUpWith409AfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Optimistic.retry(() -> {
            attempts.incrementAndGet();
            Optimistic.requireUpdated(0);
            return null;
        })).isInstanceOfSatisfying(ApiError.Conflict.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
        assertThat(attempts).hasValue(Optimistic.ATTEMPTS);
    }

    @Test
    void stampsAlwaysMoveForward() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC);
        assertThat(Optimistic.nextStamp(500, clock)).isEqualTo(1000);
        assertThat(Optimistic.nextStamp(1000, clock)).isEqualTo(1001);
        assertThat(Optimistic.nextStamp(5000, clock)).isEqualTo(5001);
    }
}
