package dev.s3aas.controlplane.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The control plane's SQL store: a HikariCP pool, Flyway migrations and JDBI on top.
 *
 * <p>One set of migrations ({@code classpath:db/migration}) serves both SQLite and PostgreSQL, so
 * the schema only uses portable types: TEXT ids (UUID strings), BIGINT epoch-millisecond
 * timestamps, INTEGER/BIGINT and BOOLEAN.
 *
 * <p>SQLite runs in WAL mode, so readers never block, but it admits a single writer. A deferred
 * transaction that reads and then writes cannot be retried by SQLite's busy handler when another
 * connection committed in between (it fails at once with SQLITE_BUSY), so every write transaction
 * is serialised here behind one JVM lock. PostgreSQL needs no such lock.
 */
public final class Database implements AutoCloseable {
    /** The advisory lock key of {@link #lockExclusive}: "s3aas-cp" in ASCII. */
    private static final long ADVISORY_LOCK_KEY = 0x7333_6161_732d_6370L;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;
    private final ReentrantLock writeLock = new ReentrantLock();

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and migrates the schema to the newest version. */
    public static Database open(String jdbcUrl, String user, String password) {
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("s3aas-cp");
        if (sqlite) {
            // Applied by sqlite-jdbc on every new connection.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.setMaximumPoolSize(4);
        } else {
            config.setMaximumPoolSize(8);
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, sqlite);
    }

    /** Schema migrations on the classpath that the database has not applied (0 once open succeeded). */
    public int pendingMigrations() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info()
                .pending().length;
    }

    /** Runs a read-only unit of work; each statement commits on its own (autocommit). */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /**
     * Runs read-only work in one transaction, so all its queries see one snapshot of the database:
     * REPEATABLE READ on PostgreSQL (the snapshot is taken at the first query); on SQLite a plain
     * deferred transaction, whose WAL read snapshot likewise lasts from its first read to its end.
     * Takes no write lock.
     */
    public <R> R readTransaction(HandleCallback<R, RuntimeException> work) {
        return sqlite ? jdbi.inTransaction(work) : jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
    }

    /** Runs a write transaction (serialised on SQLite, see the class comment). */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        if (!sqlite) {
            return jdbi.inTransaction(work);
        }
        writeLock.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Makes this the only control plane on the database until the returned handle is closed. On
     * PostgreSQL a session advisory lock, held by one pooled connection kept aside (if that
     * connection drops, the lock goes with it). SQLite needs none: its file is in the data dir,
     * which the control plane locks.
     */
    public AutoCloseable lockExclusive() {
        if (sqlite) {
            return () -> { };
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
        try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, ADVISORY_LOCK_KEY);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return () -> unlock(c);
                }
            }
            throw new IllegalStateException("another control plane is using this database (PostgreSQL advisory lock "
                    + ADVISORY_LOCK_KEY + " is held); stop it first or use another S3AAS_DB_URL");
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof SQLException ? new IllegalStateException("cannot lock the database", e)
                    : (RuntimeException) e;
        }
    }

    /** Unlocks before the connection goes back to the pool, where the session (and its lock) would live on. */
    private static void unlock(Connection c) throws SQLException {
        try (c; PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, ADVISORY_LOCK_KEY);
            st.execute();
        }
    }

    /** Runs a write transaction that returns nothing. */
    public void writeVoid(java.util.function.Consumer<Handle> work) {
        write(h -> {
            work.accept(h);
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
