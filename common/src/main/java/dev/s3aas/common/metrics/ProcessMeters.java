package dev.s3aas.common.metrics;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM and process meters both components export: Micrometer's binders (memory, GC, threads, classes, CPU,
 * uptime, open files) plus {@code process_resident_memory_bytes}, for which Micrometer has no binder.
 */
public final class ProcessMeters implements AutoCloseable {
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private ProcessMeters() {}

    /** Binds them to {@code registry}; close to stop the GC listener. */
    public static ProcessMeters bindTo(MeterRegistry registry) {
        ProcessMeters m = new ProcessMeters();
        new JvmMemoryMetrics().bindTo(registry);
        m.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", ProcessMeters::residentBytes).baseUnit("bytes")
                .description("Resident set size of the process").register(registry);
        return m;
    }

    /** RSS from /proc/self/statm (Linux, 4 KiB pages; NaN elsewhere). */
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
    }
}
