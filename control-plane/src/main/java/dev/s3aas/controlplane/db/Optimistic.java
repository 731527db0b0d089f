package dev.s3aas.controlplane.db;

import dev.s3aas.controlplane.api.ApiError;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Read-modify-write of one row with optimistic concurrency, the PATCH pattern: read the row, build
 * the new row from it and the request, and write it with {@code UPDATE ... WHERE uuid = :u AND
 * <version> = :seen}, the version being a column every write of the row changes ({@code updated_at},
 * kept strictly increasing by {@link #nextStamp}, or an instance's {@code generation}). A write that
 * matched no row lost a race: it is rolled back and the whole read-modify-write runs again on the
 * fresh row, so a concurrent change is never overwritten with a stale copy.
 *
 * <p>Why not {@code SELECT ... FOR UPDATE}: SQLite has no such clause, and one code path for both
 * databases is worth an occasional retry. On SQLite a write transaction that reads inside itself
 * never retries (writes are serialised, see {@link Database}); on PostgreSQL at READ COMMITTED a
 * conditional UPDATE that waited for a concurrent writer re-checks its WHERE against the committed
 * row, so it reliably matches nothing when the row moved on.
 */
public final class Optimistic {
    /** Enough for the handful of writers one row sees at once; beyond it the client gets 409 and may retry. */
    static final int ATTEMPTS = 10;

    private Optimistic() {}

    /** Signals a conditional write that matched no row; a stack trace would be wasted on it. */
    private static final class StaleRead extends RuntimeException {
        StaleRead() {
            super("the row changed since it was read", null, false, false);
        }
    }

    /**
     * Runs {@code attempt} (typically a whole {@code db.write}) until it does not fail with a stale
     * read: {@link ApiError.Conflict} {@code concurrent_update} after {@value #ATTEMPTS} attempts.
     */
    public static <R> R retry(Supplier<R> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (StaleRead e) {
                if (n >= ATTEMPTS) {
                    throw new ApiError.Conflict("concurrent_update",
                            "the resource kept changing while this update was applied; retry", null);
                }
                pause(n);
            }
        }
    }

    /**
     * Checks the row count of a conditional write: with none, aborts the attempt (the exception
     * rolls its transaction back) so that {@link #retry} runs it again.
     */
    public static void requireUpdated(int rows) {
        if (rows == 0) {
            throw new StaleRead();
        }
    }

    /**
     * The {@code updated_at} of a row's next write: now, but always past the previous value, so two
     * writes within one millisecond (or across a clock step back) still differ and the version
     * check sees the change.
     */
    public static long nextStamp(long previous, Clock clock) {
        return Math.max(clock.millis(), previous + 1);
    }

    /** A short random pause, so writers that just collided do not collide again in lockstep. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 2L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an update", e);
        }
    }
}
