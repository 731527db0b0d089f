package dev.s3aas.node.scrub;

import dev.s3aas.node.storage.ScrubFinding;
import dev.s3aas.node.storage.Scrubber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Scrubber} in the background: a full pass every {@code interval}, read at {@code rate} bytes per
 * second so clients keep the disk; an operator can start a pass at once through the admin API.
 *
 * <p>Level-based and stateless like the lifecycle worker: no cursor is kept, so a restart simply means the next
 * pass starts from the beginning and finds any damage again. Passes never overlap (one thread). The first pass
 * comes after at most {@link #MAX_FIRST_DELAY}, so a node restarted more often than its interval still scrubs.
 */
public final class ScrubWorker implements AutoCloseable {
    static final int MAX_FINDINGS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ScrubWorker.class);
    private static final Duration MAX_FIRST_DELAY = Duration.ofMinutes(10);

    private final Scrubber scrubber;
    private final Clock clock;
    private final long rate;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object lock = new Object();
    private Instant runningSince;
    private List<ScrubReport.Detected> current = new ArrayList<>();
    private long currentCorrupt;
    private ScrubReport last;

    private ScrubWorker(Scrubber scrubber, Clock clock, long rate, Duration interval) {
        this.scrubber = scrubber;
        this.clock = clock;
        this.rate = rate;
        this.interval = interval;
        this.last = new ScrubReport(rate, interval.toSeconds(), false, null, 0, 0, null, null, 0, 0, 0, 0, List.of());
        // A platform thread: RocksDB calls are JNI and would pin a virtual thread's carrier.
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scrub");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param rate bytes per second; 0 turns scrubbing off (no passes, and {@link #startNow()} refuses)
     * @param clock dates passes and findings
     */
    public static ScrubWorker start(Scrubber scrubber, Clock clock, long rate, Duration interval) {
        if (rate < 0) {
            throw new IllegalArgumentException("scrub rate must not be negative");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("scrub interval must be positive");
        }
        ScrubWorker w = new ScrubWorker(scrubber, clock, rate, interval);
        if (rate > 0) {
            long first = Math.min(interval.toMillis(), MAX_FIRST_DELAY.toMillis());
            w.executor.scheduleWithFixedDelay(w::scheduledPass, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return w;
    }

    /** Whether passes run at all ({@code --scrub-rate} above 0). */
    public boolean enabled() {
        return rate > 0;
    }

    /**
     * Starts a pass now unless one is running or already asked for.
     *
     * @return false if one was already running or queued
     * @throws IllegalStateException if scrubbing is off
     */
    public boolean startNow() {
        if (!enabled()) {
            throw new IllegalStateException("scrubbing is off (--scrub-rate 0)");
        }
        if (!queued.compareAndSet(false, true)) {
            return false;
        }
        executor.execute(this::scheduledPass);
        return true;
    }

    public ScrubReport report() {
        synchronized (lock) {
            if (runningSince == null) {
                return last;
            }
            return new ScrubReport(last.rateBytesPerSecond(), last.intervalSeconds(), true, runningSince,
                    currentCorrupt, last.passes(), last.lastPassStarted(), last.lastPassFinished(), last.bytesScanned(),
                    last.objectsScanned(), last.unverified(), last.corruptTotal(), last.corrupt());
        }
    }

    private void scheduledPass() {
        queued.set(false);
        try {
            runPass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Never let an exception escape: the executor would silently cancel every later pass.
            LOG.error("scrub pass failed", e);
            synchronized (lock) {
                runningSince = null;
            }
        }
    }

    private void runPass() throws InterruptedException {
        Instant started = clock.instant();
        synchronized (lock) {
            runningSince = started;
            current = new ArrayList<>();
            currentCorrupt = 0;
        }
        Scrubber.Totals t = scrubber.pass(new Throttle(rate), this::found);
        Instant finished = clock.instant();
        synchronized (lock) {
            last = new ScrubReport(rate, interval.toSeconds(), false, null, 0, last.passes() + 1, started, finished,
                    t.bytes(), t.objects(), t.unverified(), t.damaged(), List.copyOf(current));
            runningSince = null;
        }
        LOG.info("scrub pass: {} objects, {} bytes in {} s, {} damaged, {} without checksums", t.objects(), t.bytes(),
                Duration.between(started, finished).toSeconds(), t.damaged(), t.unverified());
    }

    private void found(ScrubFinding f) {
        LOG.error("scrub: stored data is damaged: bucket={} key={} version={} upload={} part={} blob={}: {}",
                f.bucket(), f.key(), f.versionId(), f.uploadId(), f.partNumber(), f.blob(), f.reason());
        synchronized (lock) {
            currentCorrupt++;
            if (current.size() < MAX_FINDINGS) {
                current.add(new ScrubReport.Detected(f, clock.instant()));
            }
        }
    }

    /** When the last pass finished (epoch seconds), 0 before the first: for the metrics gauge. */
    public double lastPassFinishedEpochSeconds() {
        Instant f = report().lastPassFinished();
        return f == null ? 0 : f.getEpochSecond();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("scrub pass still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
