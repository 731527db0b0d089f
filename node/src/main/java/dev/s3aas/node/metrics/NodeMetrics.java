package dev.s3aas.node.metrics;

import dev.s3aas.node.storage.RocksObjectStore;
import dev.s3aas.node.storage.StorageEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's meter registry (Micrometer, exposed in the Prometheus text format): the S3 request meters (registered
 * by the protocol layer), the storage write path ({@link StorageMeters}), the store's contents and RocksDB
 * ({@link StoreGauges}), and the JVM and process (Micrometer's binders, plus resident memory).
 * Built before the store opens, since the store reports its writes to {@link #storageEvents()}.
 */
public final class NodeMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StorageMeters storage = new StorageMeters(registry);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile StoreGauges store;

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", NodeMetrics::residentBytes).baseUnit("bytes")
                .description("Resident set size of the node process").register(registry);
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

    /** The Prometheus text exposition, with the store's gauges read now. */
    public String scrape() {
        StoreGauges s = store;
        if (s != null) {
            s.refresh();
        }
        return registry.scrape();
    }

    /** RSS from /proc/self/statm (Linux; NaN elsewhere): Micrometer has no binder for it. */
    private static double residentBytes() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Double.parseDouble(f[1]) * 4096;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
