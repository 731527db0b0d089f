package dev.s3aas.controlplane.testing;

import dev.s3aas.controlplane.db.Database;
import java.nio.file.Path;

/** The two databases every repository test runs against. */
public enum TestDatabases {
    SQLITE, POSTGRES;

    /** A migrated, empty database of this kind. */
    public Database open(Path tempDir) {
        return Database.open(url(tempDir), null, null);
    }

    public String url(Path tempDir) {
        return switch (this) {
            case SQLITE -> "jdbc:sqlite:" + tempDir.resolve("test-" + System.nanoTime() + ".db");
            case POSTGRES -> TestPostgres.newDatabaseUrl();
        };
    }
}
