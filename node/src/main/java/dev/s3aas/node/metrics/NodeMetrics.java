package dev.s3aas.node.metrics;

import dev.s3aas.common.metrics.ProcessMeters;
import dev.s3aas.node.scrub.ScrubWorker;
import dev.s3aas.node.storage.RocksObjectStore;
import dev.s3aas.node.storage.StorageEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A node's meter registry (Micrometer, exposed in the Prometheus text format): the S3 request meters (registered
 * by the protocol layer), the storage write path ({@link StorageMeters}), the store's contents and RocksDB
 * ({@link StoreGauges}), and the JVM and process (Micrometer's binders, plus resident memory).
 * Built before the store opens, since the store reports its writes to {@link #storageEvents()}.
 */
public final class NodeMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StorageMeters storage = new StorageMeters(registry);
    private final ProcessMeters process;
    private volatile StoreGauges store;

    public NodeMetrics() {
        this.process = ProcessMeters.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public StorageEvents storageEvents() {
        return storage;
    }

    /** Adds the gauges over the opened store's contents. */
    public void watch(RocksObjectStore opened) {
        store = new StoreGauges(registry, opened);
    }

    /** Adds the gauge of when the last scrub pass finished ({@code s3aas_scrub_last_pass_finished_seconds}). */
    public void watch(ScrubWorker scrub) {
        Gauge.builder("s3aas.scrub.last.pass.finished", scrub, ScrubWorker::lastPassFinishedEpochSeconds)
                .baseUnit("seconds").description("When the last full scrub pass finished (Unix time; 0 before the first)")
                .register(registry);
    }

    /** The Prometheus text exposition, with the store's gauges read now. */
    public String scrape() {
        StoreGauges s = store;
        if (s != null) {
            s.refresh();
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        process.close();
        registry.close();
    }
}
