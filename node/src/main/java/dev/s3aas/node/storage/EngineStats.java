package dev.s3aas.node.storage;

/**
 * A snapshot of the metadata engine's (RocksDB) state, from its properties ("rocksdb.*", see RocksDB's
 * {@code DB::Properties}), summed over the column families.
 *
 * @param sstBytes          total size of the SST files
 * @param blobBytes         total size of the blob files (small objects' bodies)
 * @param memtableBytes     size of the active and immutable memtables
 * @param estimatedKeys     estimated number of keys
 * @param pendingCompactionBytes estimated bytes compaction still has to rewrite
 * @param runningCompactions compactions running now
 * @param runningFlushes    memtable flushes running now
 */
public record EngineStats(long sstBytes, long blobBytes, long memtableBytes, long estimatedKeys,
                          long pendingCompactionBytes, long runningCompactions, long runningFlushes) {}
