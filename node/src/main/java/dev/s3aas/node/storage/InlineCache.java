package dev.s3aas.node.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recently read inline object bytes by blob id, bounded by their total size, evicted oldest first.
 *
 * <p>Why: small objects live in RocksDB blob files, and RocksJava exposes no blob cache, so every GET of an
 * inline object read its blob file again (a pread plus a checksum: ~16% of a 4 KiB GET's CPU).
 *
 * <p>No invalidation is needed because a blob id names one immutable byte string: ids are random 128-bit values,
 * drawn anew every time a body is stored, never reused, and inline bytes are never rewritten under an id. A
 * reader takes the id from the record it just read, so a hit returns exactly what RocksDB would; the entry of an
 * overwritten or deleted object is never asked for again and ages out. The arrays are shared between readers:
 * nothing may write into them.
 */
final class InlineCache {
    private final long capacity;
    private final long largestEntry;
    private final ConcurrentHashMap<String, byte[]> entries = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    /** @param capacity bytes kept at most (the arrays' lengths); entries above 1/32 of it are not kept */
    InlineCache(long capacity) {
        this.capacity = capacity;
        this.largestEntry = capacity / 32;
    }

    /** The bytes stored under {@code blobId}, or null if not cached. */
    byte[] get(String blobId) {
        return entries.get(blobId);
    }

    /** Remembers the bytes just read for {@code blobId}; evicts the oldest entries beyond the capacity. */
    void put(String blobId, byte[] data) {
        if (data.length > largestEntry || entries.putIfAbsent(blobId, data) != null) {
            return;
        }
        order.add(blobId);
        long total = bytes.addAndGet(data.length);
        while (total > capacity) {
            String oldest = order.poll();
            if (oldest == null) {
                return;
            }
            byte[] evicted = entries.remove(oldest);
            total = evicted == null ? bytes.get() : bytes.addAndGet(-evicted.length);
        }
    }

    long size() {
        return bytes.get();
    }
}
