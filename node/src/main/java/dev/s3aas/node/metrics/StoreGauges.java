package dev.s3aas.node.metrics;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.BucketUsage;
import dev.s3aas.node.storage.EngineStats;
import dev.s3aas.node.storage.RocksObjectStore;
import dev.s3aas.node.storage.StorageException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What the store holds, read when Prometheus scrapes ({@link #refresh()}): bytes and objects per bucket
 * ({@code s3aas_bucket_usage_bytes}, {@code s3aas_bucket_objects}, from the usage counters the quotas use, so no
 * listing), and the metadata engine's sizes and background work ({@code s3aas_rocksdb_*}).
 */
final class StoreGauges {
    private final RocksObjectStore store;
    private final MultiGauge bucketBytes;
    private final MultiGauge bucketObjects;
    private volatile EngineStats engine = new EngineStats(0, 0, 0, 0, 0, 0, 0);

    StoreGauges(MeterRegistry registry, RocksObjectStore store) {
        this.store = store;
        bucketBytes = MultiGauge.builder("s3aas.bucket.usage").baseUnit("bytes")
                .description("Bytes stored in the bucket (all versions)").register(registry);
        bucketObjects = MultiGauge.builder("s3aas.bucket.objects")
                .description("Object versions stored in the bucket").register(registry);
        engineGauge(registry, "s3aas.rocksdb.sst.size", "bytes", "Total size of the SST files", EngineStats::sstBytes);
        engineGauge(registry, "s3aas.rocksdb.blob.size", "bytes", "Total size of the blob files (small objects)",
                EngineStats::blobBytes);
        engineGauge(registry, "s3aas.rocksdb.memtable.size", "bytes", "Size of all memtables",
                EngineStats::memtableBytes);
        engineGauge(registry, "s3aas.rocksdb.estimated.keys", null, "Estimated number of keys",
                EngineStats::estimatedKeys);
        engineGauge(registry, "s3aas.rocksdb.compaction.pending", "bytes", "Bytes compaction still has to rewrite",
                EngineStats::pendingCompactionBytes);
        engineGauge(registry, "s3aas.rocksdb.compactions.running", null, "Compactions running",
                EngineStats::runningCompactions);
        engineGauge(registry, "s3aas.rocksdb.flushes.running", null, "Memtable flushes running",
                EngineStats::runningFlushes);
    }

    private void engineGauge(MeterRegistry registry, String name, String unit, String description,
                             ToDoubleFunction<EngineStats> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.engine)).baseUnit(unit).description(description)
                .register(registry);
    }

    /** Reads the current values; called before each scrape. */
    void refresh() {
        if (!store.isOpen()) {
            return;
        }
        engine = store.engineStats();
        List<MultiGauge.Row<?>> bytes = new ArrayList<>();
        List<MultiGauge.Row<?>> objects = new ArrayList<>();
        for (BucketInfo b : store.listBuckets()) {
            BucketUsage u;
            try {
                u = store.usage(b.name());
            } catch (StorageException e) {
                continue; // deleted since it was listed
            }
            Tags tags = Tags.of("bucket", b.name());
            bytes.add(MultiGauge.Row.of(tags, u.bytes()));
            objects.add(MultiGauge.Row.of(tags, u.objects()));
        }
        bucketBytes.register(bytes, true);
        bucketObjects.register(objects, true);
    }
}
