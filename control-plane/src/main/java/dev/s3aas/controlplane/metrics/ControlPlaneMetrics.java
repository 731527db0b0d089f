package dev.s3aas.controlplane.metrics;

import dev.s3aas.common.metrics.ProcessMeters;
import dev.s3aas.controlplane.cluster.ClusterRepository;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.reconcile.ReconcileController;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The control plane's meter registry (Micrometer, exposed in the Prometheus text format at {@code /metrics}):
 * API requests ({@link ApiMetrics}), reconcile runs and the work queue, provisioner actions, the state in the
 * database ({@link StateGauges}), and the JVM and process. The reconciler and the provisioner report through the
 * small methods here, so they import Micrometer nowhere.
 */
public final class ControlPlaneMetrics implements AutoCloseable {
    private static final Duration[] RUN_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ProcessMeters process;
    private final StateGauges state;

    public ControlPlaneMetrics(Database db, ClusterRepository clusters) {
        this.process = ProcessMeters.bindTo(registry);
        this.state = new StateGauges(registry, db, clusters);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A reconcile run of one instance ended with {@code outcome} (done, requeue, retry) after {@code nanos}. */
    void reconcileRun(String outcome, long nanos) {
        Timer.builder("s3aas.reconcile.runs").description("Reconcile runs by outcome")
                .tag("outcome", outcome).serviceLevelObjectives(RUN_BUCKETS).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The reconcile work queue's depth (keys waiting plus keys being processed), read at scrape time. */
    public void workQueue(IntSupplier depth) {
        Gauge.builder("s3aas.reconcile.queue.depth", depth, IntSupplier::getAsInt)
                .description("Instances queued or being reconciled").register(registry);
    }

    /** What the reconcile controller reports, into these meters (retries are runs with outcome "retry"). */
    public ReconcileController.Observer reconcileObserver() {
        return new ReconcileController.Observer() {
            @Override
            public void runFinished(String outcome, long nanos) {
                reconcileRun(outcome, nanos);
            }

            @Override
            public void queueDepth(IntSupplier depth) {
                workQueue(depth);
            }
        };
    }

    /** The provisioner did {@code action} (start, stop, restart, remove) with {@code outcome} (ok, failed). */
    public void provisionerAction(String action, String outcome) {
        Counter.builder("s3aas.provisioner.actions").description("Provisioner actions on local nodes")
                .tag("action", action).tag("outcome", outcome).register(registry).increment();
    }

    /** The exposition, with the database-backed gauges read now. */
    public String scrape() {
        state.refresh();
        return registry.scrape();
    }

    @Override
    public void close() {
        process.close();
        registry.close();
    }
}
