package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.audit.RequestId;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drives {@link InstanceReconciler}: a work queue keyed by instance id, a few workers, requeue and
 * per-instance exponential backoff, and a periodic resync of every instance (level-triggered, so
 * drift made behind the control plane's back is found even when nothing changed in the database).
 * The resync skips instances waiting out a backoff; a change to an instance does not wait.
 *
 * <p>Each run has request ids in the MDC ({@code request_id}, comma-separated), which the node and Ceph
 * clients send on every call the run makes: the ids of the API requests whose changes it applies (see
 * {@link WorkQueue} for coalescing), carried on through requeues and retries, or one generated id for a
 * periodic resync or a node exit.
 */
public final class ReconcileController implements ChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileController.class);

    /** One reconcile of one instance ({@link InstanceReconciler#reconcile}; tests substitute others). */
    @FunctionalInterface
    interface Reconciler {
        ReconcileResult reconcile(String instanceId);
    }

    /** What the controller reports about its work (metrics); must be cheap and must not throw. */
    public interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void runFinished(String outcome, long nanos) {}

            @Override
            public void queueDepth(java.util.function.IntSupplier depth) {}
        };

        /** A run ended: outcome done, requeue or retry (a failure retried after a backoff). */
        void runFinished(String outcome, long nanos);

        /** Where to read the work queue's depth (called once, at construction). */
        void queueDepth(java.util.function.IntSupplier depth);
    }

    private final Supplier<List<String>> allIds;
    private final Observer observer;
    private final Reconciler reconciler;
    private final Duration resync;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final WorkQueue queue = new WorkQueue();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** Instances waiting out a backoff, with the System.nanoTime() of their retry: the resync leaves them be. */
    private final Map<String, Long> backoffUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reconcile-timer");
        t.setDaemon(true);
        return t;
    });
    private final List<Thread> workers = new ArrayList<>();

    public ReconcileController(Database db, InstanceReconciler reconciler, Duration resync, Duration backoffBase,
            Duration backoffMax, Observer observer) {
        this(() -> db.read(h -> new InstanceRepository().allIds(h)), reconciler::reconcile, resync, backoffBase,
                backoffMax, observer);
    }

    ReconcileController(Supplier<List<String>> allIds, Reconciler reconciler, Duration resync, Duration backoffBase,
            Duration backoffMax) {
        this(allIds, reconciler, resync, backoffBase, backoffMax, Observer.NONE);
    }

    ReconcileController(Supplier<List<String>> allIds, Reconciler reconciler, Duration resync, Duration backoffBase,
            Duration backoffMax, Observer observer) {
        this.observer = observer;
        observer.queueDepth(queue::depth);
        this.allIds = allIds;
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
    public void instanceChanged(String instanceId, RequestId cause) {
        queue.add(instanceId, cause == null ? List.of() : List.of(cause));
    }

    /** Queues every instance except those waiting out a backoff (the resync must not defeat it). */
    private void resyncAll() {
        try {
            long now = System.nanoTime();
            for (String id : allIds.get()) {
                Long until = backoffUntil.get(id);
                if (until == null || until - now <= 0) {
                    queue.add(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("periodic resync failed", e);
        }
    }

    private void work() {
        while (true) {
            WorkQueue.Work work;
            try {
                work = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (work == null) {
                return;
            }
            String key = work.key();
            List<RequestId> ids = work.causes().isEmpty() ? List.of(RequestId.generate()) : work.causes();
            MDC.put(RequestId.MDC_KEY, RequestId.join(ids));
            try {
                if (!work.causes().isEmpty()) {
                    LOG.info("reconciling instance {} for requests {}", key, RequestId.join(ids));
                }
                long start = System.nanoTime();
                ReconcileResult result = runOnce(key);
                observer.runFinished(switch (result) {
                    case ReconcileResult.Done d -> "done";
                    case ReconcileResult.RequeueAfter r -> "requeue";
                    case ReconcileResult.RetryWithBackoff r -> "retry";
                }, System.nanoTime() - start);
                handle(key, result, work.causes());
            } catch (Throwable t) {
                // A worker must outlive anything one reconcile throws, or the controller silently stops.
                LOG.error("reconcile worker: unexpected failure on instance {}", key, t);
            } finally {
                MDC.remove(RequestId.MDC_KEY);
                queue.done(key);
            }
        }
    }

    private ReconcileResult runOnce(String key) {
        try {
            return reconciler.reconcile(key);
        } catch (Throwable t) {
            // Errors too (an assertion, a stack overflow, a missing class): retried like any failure.
            LOG.error("reconcile of instance {} failed", key, t);
            return new ReconcileResult.RetryWithBackoff(String.valueOf(t.getMessage()));
        }
    }

    /** A requeue or retry carries the run's causes on: the change is still being applied for them. */
    private void handle(String key, ReconcileResult result, List<RequestId> causes) {
        switch (result) {
            case ReconcileResult.Done d -> {
                failures.remove(key);
                backoffUntil.remove(key);
            }
            case ReconcileResult.RequeueAfter r -> {
                backoffUntil.remove(key);
                later(key, r.delay(), causes);
            }
            case ReconcileResult.RetryWithBackoff r -> {
                int n = failures.merge(key, 1, Integer::sum);
                Duration delay = backoffBase.multipliedBy(1L << Math.min(n - 1, 16));
                delay = delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
                LOG.info("instance {}: attempt {} failed ({}), retrying in {} ms", key, n, r.reason(), delay.toMillis());
                backoffUntil.put(key, System.nanoTime() + delay.toNanos());
                later(key, delay, causes);
            }
        }
    }

    private void later(String key, Duration delay, List<RequestId> causes) {
        try {
            timer.schedule(() -> queue.add(key, causes), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: the next control plane's resync picks the instance up.
        }
    }

    /** True while the workers are alive and the queue takes work (for readiness). */
    public boolean running() {
        return !workers.isEmpty() && workers.stream().allMatch(Thread::isAlive) && !timer.isShutdown();
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
