package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance holding all metadata, and its column families:
 * <ul>
 *   <li>{@code default}: node-wide counters (next bucket id).</li>
 *   <li>{@code buckets}: bucket name → {@link BucketRecord}.</li>
 *   <li>{@code objects}: bucketId‖key → current {@link ObjectRecord} (possibly a delete marker).</li>
 *   <li>{@code versions}: bucketId‖key‖0x00‖~sequence‖random → noncurrent versions, newest first.</li>
 *   <li>{@code inline}: blob id → bytes of a small object (RocksDB blob files keep them out of the LSM).</li>
 *   <li>{@code blobrefs}: blob id → nothing: the blob file is referenced by committed metadata.</li>
 *   <li>{@code gc}: blob id → nothing: the blob file is garbage, to be unlinked.</li>
 *   <li>{@code usage}: bucketId → bytes‖objects.</li>
 *   <li>{@code uploads}, {@code parts}, {@code iam}: multipart state and identities (later features).</li>
 * </ul>
 * Writes go only through {@link Committer}; reads may happen from any thread.
 */
final class MetaDb implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    enum Cf { DEFAULT, BUCKETS, OBJECTS, INLINE, BLOBREFS, GC, USAGE, UPLOADS, PARTS, IAM, VERSIONS }

    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final DBOptions dbOptions;
    private final List<ColumnFamilyOptions> cfOptions = new ArrayList<>();
    private final LRUCache cache;
    private final WriteBufferManager writeBuffers;
    private final WriteOptions syncWrite;
    private final WriteOptions asyncWrite;
    private final BucketCache bucketCache = new BucketCache();

    MetaDb(Path dir) throws IOException {
        Files.createDirectories(dir);
        cache = new LRUCache(32L << 20);
        // All memtables together stay under 24 MiB (charged to the block cache): with eleven column families,
        // RocksDB's per-family defaults would let memtables alone grow to hundreds of MiB of RSS.
        writeBuffers = new WriteBufferManager(24L << 20, cache);
        dbOptions = new DBOptions()
                .setWriteBufferManager(writeBuffers)
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                .setKeepLogFileNum(3)
                .setMaxTotalWalSize(256L << 20);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (Cf cf : Cf.values()) {
            ColumnFamilyOptions o = options(cf);
            cfOptions.add(o);
            String name = cf == Cf.DEFAULT ? "default" : cf.name().toLowerCase(java.util.Locale.ROOT);
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(java.nio.charset.StandardCharsets.UTF_8), o));
        }
        handles = new ArrayList<>();
        try {
            db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            throw new IOException("cannot open metadata store in " + dir + ": " + e.getMessage(), e);
        }
        syncWrite = new WriteOptions().setSync(true);
        asyncWrite = new WriteOptions().setSync(false);
    }

    private ColumnFamilyOptions options(Cf cf) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setFilterPolicy(new BloomFilter(10, false))
                .setBlockSize(16 * 1024);
        ColumnFamilyOptions o = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(8L << 20);
        if (cf == Cf.INLINE) {
            // Small objects live here; blob files keep multi-KiB values out of LSM compactions.
            o.setEnableBlobFiles(true)
                    .setMinBlobSize(2048)
                    .setEnableBlobGarbageCollection(true)
                    .setBlobFileSize(64L << 20);
        }
        return o;
    }

    /** Decoded bucket records; the committer invalidates it when it writes the buckets family. */
    BucketCache bucketCache() {
        return bucketCache;
    }

    /** A bucket's record by name, read through the bucket cache (outside a commit). */
    BucketRecord bucketRecord(String name) throws StorageException {
        return bucketCache.get(name, n -> {
            byte[] v = get(Cf.BUCKETS, Keys.utf8(n));
            if (v == null) {
                throw ObjectWrites.noSuchBucket();
            }
            return BucketRecord.decode(n, v);
        });
    }

    /**
     * Null while RocksDB takes writes, else why not. After a background error (a WAL, flush or blob-file write
     * that failed, e.g. with ENOSPC) RocksDB refuses every write until its error recovery completes — for NoSpace
     * its SstFileManager polls free space and resumes by itself (RocksJava has no {@code DB.resume()}). A small
     * unsynced write of a probe key is the one reliable way to ask; readiness probes are rare enough for it.
     */
    String writeProblem() {
        try {
            db.put(cf(Cf.DEFAULT), asyncWrite, READY_PROBE, new byte[0]);
            return null;
        } catch (RocksDBException e) {
            return "the metadata store does not take writes (" + e.getMessage() + ")";
        }
    }

    private static final byte[] READY_PROBE = "ready-probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    ColumnFamilyHandle cf(Cf cf) {
        return handles.get(cf.ordinal());
    }

    byte[] get(Cf cf, byte[] key) {
        try {
            return db.get(cf(cf), key);
        } catch (RocksDBException e) {
            throw new MetadataFault("read failed", e);
        }
    }

    /**
     * A consistent view of the whole database at this instant, for reads that look in more than one place
     * (a version is either current or noncurrent, and a commit may move it between the two).
     */
    Snapshot snapshot() {
        return new Snapshot();
    }

    final class Snapshot implements AutoCloseable {
        private final org.rocksdb.Snapshot snapshot = db.getSnapshot();
        private final ReadOptions options = new ReadOptions().setSnapshot(snapshot);

        byte[] get(Cf cf, byte[] key) {
            try {
                return db.get(cf(cf), options, key);
            } catch (RocksDBException e) {
                throw new MetadataFault("read failed", e);
            }
        }

        RocksIterator iterator(Cf cf) {
            return db.newIterator(cf(cf), options);
        }

        @Override
        public void close() {
            options.close();
            db.releaseSnapshot(snapshot);
        }
    }

    RocksIterator iterator(Cf cf, ReadOptions options) {
        return db.newIterator(cf(cf), options);
    }

    RocksIterator iterator(Cf cf) {
        return db.newIterator(cf(cf));
    }

    /** The engine's state from RocksDB's integer properties, summed over the column families. */
    EngineStats stats() {
        return new EngineStats(sum("rocksdb.total-sst-files-size"), sum("rocksdb.total-blob-file-size"),
                sum("rocksdb.cur-size-all-mem-tables"), sum("rocksdb.estimate-num-keys"),
                sum("rocksdb.estimate-pending-compaction-bytes"), prop("rocksdb.num-running-compactions"),
                prop("rocksdb.num-running-flushes"));
    }

    private long sum(String property) {
        long total = 0;
        for (ColumnFamilyHandle h : handles) {
            try {
                total += db.getLongProperty(h, property);
            } catch (RocksDBException e) {
                throw new MetadataFault("property " + property, e);
            }
        }
        return total;
    }

    /** A DB-wide property (the same for every column family). */
    private long prop(String property) {
        try {
            return db.getLongProperty(property);
        } catch (RocksDBException e) {
            throw new MetadataFault("property " + property, e);
        }
    }

    /**
     * Makes overwritten values of {@code cf} unreadable from disk: flushes every family's memtable (so the WAL
     * files holding the old writes become obsolete and are deleted) and compacts {@code cf} down to its last
     * level, which drops every overwritten version. Used after IAM secrets were re-sealed in place.
     */
    void purgeOverwritten(Cf cf) throws RocksDBException {
        try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true);
             org.rocksdb.CompactRangeOptions compact = new org.rocksdb.CompactRangeOptions()
                     .setBottommostLevelCompaction(org.rocksdb.CompactRangeOptions.BottommostLevelCompaction.kForce)) {
            db.flush(flush, handles);
            db.compactRange(cf(cf), null, null, compact);
        }
    }

    /** Durable write: returns after the WAL is synced. The commit point of every mutation. */
    void writeSync(WriteBatch batch) throws RocksDBException {
        db.write(syncWrite, batch);
    }

    /** Write that may be lost in a crash; only for work that is idempotently redone at start (GC bookkeeping). */
    void writeAsync(WriteBatch batch) throws RocksDBException {
        db.write(asyncWrite, batch);
    }

    @Override
    public void close() {
        try {
            db.syncWal();
        } catch (RocksDBException ignored) {
            // closing anyway; every acknowledged write was already synced
        }
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        syncWrite.close();
        asyncWrite.close();
        dbOptions.close();
        cfOptions.forEach(ColumnFamilyOptions::close);
        writeBuffers.close();
        cache.close();
    }

    /** RocksDB failed underneath us: a machine fault, surfaced as a 500. */
    static final class MetadataFault extends RuntimeException {
        MetadataFault(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
