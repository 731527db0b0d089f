package dev.s3aas.node.lifecycle;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out buckets' lifecycle rules in the background: every {@code interval}, one pass over every bucket that
 * has enabled rules — its versions ({@link VersionScan}) and its unfinished multipart uploads ({@link UploadScan}).
 *
 * <p>Level-based and stateless: a pass decides from what is stored and the clock alone and keeps no cursor, so a
 * restart, a crash, or a pass cut short loses nothing — the next pass sees the same due versions again. Every
 * deletion re-checks its premise inside its commit and goes through the store's delete paths (usage, quotas, blob
 * collection and Object Lock as for a client). Passes never overlap (one thread, fixed delay), so no version is
 * worked on twice at once. S3 does the same work asynchronously, typically within a day of the due date; here it
 * is within one interval.
 */
public final class LifecycleWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleWorker.class);
    /** A node restarted more often than its interval still runs passes. */
    private static final Duration MAX_FIRST_DELAY = Duration.ofMinutes(1);

    private final ObjectStore store;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    private LifecycleWorker(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        // A platform thread: the store's RocksDB calls are JNI and would pin a virtual thread's carrier.
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lifecycle");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param clock what "now" is when deciding whether a rule is due (the store's clock, which also dates versions)
     */
    public static LifecycleWorker start(ObjectStore store, Clock clock, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("lifecycle interval must be positive");
        }
        LifecycleWorker w = new LifecycleWorker(store, clock);
        long first = Math.min(interval.toMillis(), MAX_FIRST_DELAY.toMillis());
        w.executor.scheduleWithFixedDelay(w::scheduledPass, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    private void scheduledPass() {
        try {
            PassReport r = runPass();
            if (r.didAnything()) {
                LOG.info("lifecycle pass: {}", r);
            }
        } catch (RuntimeException e) {
            // Never let an exception escape: the executor would silently cancel every later pass.
            LOG.error("lifecycle pass failed", e);
        }
    }

    /** One pass over every bucket with enabled rules. */
    PassReport runPass() {
        Instant now = clock.instant();
        PassReport total = PassReport.NONE;
        for (BucketInfo b : store.listBuckets()) {
            LifecycleConfiguration config = b.config().lifecycle();
            if (config == null || Thread.currentThread().isInterrupted()) {
                continue;
            }
            total = total.plus(PassReport.ONE_BUCKET);
            try {
                if (VersionScan.needed(config)) {
                    total = total.plus(new VersionScan(store, b.name(), config, now).run());
                }
                if (UploadScan.needed(config)) {
                    total = total.plus(new UploadScan(store, b.name(), config, now).run());
                }
            } catch (StorageException e) {
                if (e.error() != StorageError.NO_SUCH_BUCKET) {
                    LOG.warn("lifecycle of bucket {} stopped: {} {}", b.name(), e.error(), e.getMessage());
                }
            } catch (IOException e) {
                LOG.error("lifecycle of bucket {} failed", b.name(), e);
            }
        }
        return total;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("lifecycle pass still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
