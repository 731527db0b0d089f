package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.instance.ChangeListener;
import dev.s3aas.controlplane.instance.InstanceRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives {@link InstanceReconciler}: a work queue keyed by instance id, a few workers, requeue and
 * per-instance exponential backoff, and a periodic resync of every instance (level-triggered, so
 * drift made behind the control plane's back is found even when nothing changed in the database).
 */
public final class ReconcileController implements ChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileController.class);

    private final Database db;
    private final InstanceReconciler reconciler;
    private final Duration resync;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final WorkQueue queue = new WorkQueue();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reconcile-timer");
        t.setDaemon(true);
        return t;
    });
    private final List<Thread> workers = new ArrayList<>();

    public ReconcileController(Database db, InstanceReconciler reconciler, Duration resync, Duration backoffBase,
            Duration backoffMax) {
        this.db = db;
        this.reconciler = reconciler;
        this.resync = resync;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
    }

    public void start(int workerCount) {
        for (int i = 0; i < workerCount; i++) {
            workers.add(Thread.ofVirtual().name("reconcile-" + i).start(this::work));
        }
        timer.scheduleWithFixedDelay(this::resyncAll, 0, resync.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void instanceChanged(String instanceId) {
        queue.add(instanceId);
    }

    private void resyncAll() {
        try {
            db.read(h -> new InstanceRepository().allIds(h)).forEach(queue::add);
        } catch (RuntimeException e) {
            LOG.error("periodic resync failed", e);
        }
    }

    private void work() {
        while (true) {
            String key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            try {
                handle(key, runOnce(key));
            } finally {
                queue.done(key);
            }
        }
    }

    private ReconcileResult runOnce(String key) {
        try {
            return reconciler.reconcile(key);
        } catch (RuntimeException e) {
            LOG.error("reconcile of instance {} failed", key, e);
            return new ReconcileResult.RetryWithBackoff(String.valueOf(e.getMessage()));
        }
    }

    private void handle(String key, ReconcileResult result) {
        switch (result) {
            case ReconcileResult.Done d -> failures.remove(key);
            case ReconcileResult.RequeueAfter r -> later(key, r.delay());
            case ReconcileResult.RetryWithBackoff r -> {
                int n = failures.merge(key, 1, Integer::sum);
                Duration delay = backoffBase.multipliedBy(1L << Math.min(n - 1, 16));
                delay = delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
                LOG.info("instance {}: attempt {} failed ({}), retrying in {} ms", key, n, r.reason(), delay.toMillis());
                later(key, delay);
            }
        }
    }

    private void later(String key, Duration delay) {
        try {
            timer.schedule(() -> queue.add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: the next control plane's resync picks the instance up.
        }
    }

    /** True when nothing is queued or running (tests wait for it). */
    public boolean idle() {
        return queue.idle();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        queue.shutdown();
        for (Thread t : workers) {
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
