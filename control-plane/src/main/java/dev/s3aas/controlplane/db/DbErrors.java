package dev.s3aas.controlplane.db;

import java.sql.SQLException;

/** Recognises the database errors the services translate into API errors. */
public final class DbErrors {
    private DbErrors() {}

    /** True when {@code e} (or a cause) is a unique-constraint violation on SQLite or PostgreSQL. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // PostgreSQL: SQLSTATE 23505. SQLite: result code SQLITE_CONSTRAINT_UNIQUE (2067)
                // or SQLITE_CONSTRAINT_PRIMARYKEY (1555).
                if ("23505".equals(sql.getSQLState())
                        || sql.getErrorCode() == 2067
                        || sql.getErrorCode() == 1555
                        || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when {@code e} (or a cause) is a foreign-key violation: a row still referenced by another
     * was deleted, or a row referencing a deleted one was inserted. PostgreSQL: SQLSTATE 23503.
     * SQLite: SQLITE_CONSTRAINT_FOREIGNKEY (787).
     */
    public static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if ("23503".equals(sql.getSQLState())
                        || sql.getErrorCode() == 787
                        || String.valueOf(sql.getMessage()).contains("FOREIGN KEY constraint failed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
