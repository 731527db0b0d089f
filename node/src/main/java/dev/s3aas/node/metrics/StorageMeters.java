package dev.s3aas.node.metrics;

import dev.s3aas.node.storage.StorageEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The write path's durability costs: how many mutations each group commit carries
 * ({@code s3aas_storage_commit_group_mutations}), how long its WAL write + fsync takes
 * ({@code s3aas_storage_wal_sync_seconds}), and how long a blob's fdatasync + directory fsync takes
 * ({@code s3aas_storage_blob_sync_seconds}); and integrity: objects whose stored data failed its checksum
 * ({@code s3aas_storage_integrity_errors_total{source=read|scrub}}) and the scrubber's progress
 * ({@code s3aas_scrub_bytes_total}, {@code s3aas_scrub_objects_total}). A falling group size under load with a rising sync time is the
 * signature of a slow disk.
 */
final class StorageMeters implements StorageEvents {
    private static final Duration[] SYNC_BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final DistributionSummary groupSize;
    private final Timer walSync;
    private final Timer blobSync;
    private final Counter readIntegrity;
    private final Counter scrubIntegrity;
    private final Counter scrubBytes;
    private final Counter scrubObjects;

    StorageMeters(MeterRegistry registry) {
        groupSize = DistributionSummary.builder("s3aas.storage.commit.group").baseUnit("mutations")
                .description("Mutations made durable by one group commit")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512).register(registry);
        walSync = Timer.builder("s3aas.storage.wal.sync").description("Metadata WAL write + fsync per group commit")
                .serviceLevelObjectives(SYNC_BUCKETS).register(registry);
        blobSync = Timer.builder("s3aas.storage.blob.sync").description("Blob file fdatasync + directory fsync")
                .serviceLevelObjectives(SYNC_BUCKETS).register(registry);
        readIntegrity = integrity(registry, "read");
        scrubIntegrity = integrity(registry, "scrub");
        scrubBytes = Counter.builder("s3aas.scrub.bytes").baseUnit("bytes")
                .description("Stored bytes whose checksums the scrubber verified").register(registry);
        scrubObjects = Counter.builder("s3aas.scrub.objects")
                .description("Object versions and parts the scrubber verified").register(registry);
    }

    private static Counter integrity(MeterRegistry registry, String source) {
        return Counter.builder("s3aas.storage.integrity.errors").tag("source", source)
                .description("Stored objects whose data failed its checksum").register(registry);
    }

    @Override
    public void integrityError(IntegritySource source) {
        (source == IntegritySource.READ ? readIntegrity : scrubIntegrity).increment();
    }

    @Override
    public void scrubbed(long bytes, int objects) {
        scrubBytes.increment(bytes);
        scrubObjects.increment(objects);
    }

    @Override
    public void groupCommitted(int mutations, long syncNanos) {
        groupSize.record(mutations);
        walSync.record(syncNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void blobSynced(long syncNanos) {
        blobSync.record(syncNanos, TimeUnit.NANOSECONDS);
    }
}
