package dev.s3aas.controlplane.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Database}'s units of work, on SQLite and on a real PostgreSQL. */
class DatabaseTest {
    @TempDir
    Path tmp;

    private static int projects(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM projects").mapTo(Integer.class).one();
    }

    /** On another thread: Jdbi would run a nested unit of work on this thread's open handle. */
    private static void insertProject(Database db) {
        Thread t = Thread.ofPlatform().start(() -> db.writeVoid(h -> new IamRepository().insertProject(h,
                new Project(Ids.newId(), "p" + System.nanoTime(), "", 1, 1))));
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReadTransactionSeesOneSnapshotWhileOthersCommit(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            insertProject(db);
            List<Integer> seen = db.readTransaction(h -> {
                int first = projects(h);
                insertProject(db);
                return List.of(first, projects(h));
            });
            assertThat(seen.get(1)).as("the second query of the transaction").isEqualTo(seen.get(0));
            assertThat(db.read(DatabaseTest::projects)).isEqualTo(seen.get(0) + 1);

            List<Integer> autocommit = db.read(h -> {
                int first = projects(h);
                insertProject(db);
                return List.of(first, projects(h));
            });
            assertThat(autocommit.get(1)).as("plain reads see each commit").isEqualTo(autocommit.get(0) + 1);
        }
    }

    @Test
    void onePostgresDatabaseServesOneControlPlane() throws Exception {
        String url = TestDatabases.POSTGRES.url(tmp);
        try (Database first = Database.open(url, null, null); Database second = Database.open(url, null, null)) {
            AutoCloseable held = first.lockExclusive();
            assertThatThrownBy(second::lockExclusive).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another control plane is using this database");
            held.close();
            second.lockExclusive().close();
            assertThat(first.read(DatabaseTest::projects)).as("the pool still works").isZero();
        }
    }
}
