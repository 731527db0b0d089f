package dev.s3aas.node.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The view one mutation has inside a commit group: reads see the database plus every write staged by earlier
 * mutations of the same group (and its own), writes are staged and only reach the group's {@link WriteBatch}
 * if the mutation returns normally. A mutation that throws leaves no trace, so preconditions can be checked
 * anywhere in it.
 */
final class Txn {
    private static final byte[] TOMBSTONE = new byte[0];

    private final MetaDb db;
    private final Map<CfKey, byte[]> groupOverlay;
    private final Map<CfKey, byte[]> staged = new HashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean writesBuckets;

    Txn(MetaDb db, Map<CfKey, byte[]> groupOverlay) {
        this.db = db;
        this.groupOverlay = groupOverlay;
    }

    byte[] get(MetaDb.Cf cf, byte[] key) {
        CfKey k = new CfKey(cf, key);
        byte[] v = staged.get(k);
        if (v == null) {
            v = groupOverlay.get(k);
        }
        if (v != null) {
            return v == TOMBSTONE ? null : v;
        }
        return db.get(cf, key);
    }

    void put(MetaDb.Cf cf, byte[] key, byte[] value) {
        writesBuckets |= cf == MetaDb.Cf.BUCKETS;
        staged.put(new CfKey(cf, key), value);
    }

    void delete(MetaDb.Cf cf, byte[] key) {
        writesBuckets |= cf == MetaDb.Cf.BUCKETS;
        staged.put(new CfKey(cf, key), TOMBSTONE);
    }

    /** Whether this mutation writes a bucket record (so {@link BucketCache} must be invalidated). */
    boolean writesBuckets() {
        return writesBuckets;
    }

    /**
     * All live entries under {@code prefix}, as this mutation sees them (database, then this group's writes,
     * then its own), in key order. For bounded ranges only (one upload's parts, one bucket's uploads).
     */
    java.util.SortedMap<byte[], byte[]> scan(MetaDb.Cf cf, byte[] prefix, int limit) {
        java.util.TreeMap<byte[], byte[]> out = new java.util.TreeMap<>(Arrays::compareUnsigned);
        // Only rows that are still live for this mutation count towards the limit: a row deleted earlier in
        // the group must not use up the budget, or "is the bucket empty?" would see a hidden row and stop.
        try (org.rocksdb.RocksIterator it = db.iterator(cf)) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix) && out.size() < limit; it.next()) {
                byte[] key = it.key();
                CfKey k = new CfKey(cf, key);
                byte[] shadow = staged.containsKey(k) ? staged.get(k) : groupOverlay.get(k);
                if (shadow == null) {
                    out.put(key, it.value());
                } else if (shadow != TOMBSTONE) {
                    out.put(key, shadow);
                }
            }
        }
        overlay(groupOverlay, cf, prefix, out);
        overlay(staged, cf, prefix, out);
        while (out.size() > limit) {
            out.pollLastEntry();
        }
        return out;
    }

    private static void overlay(Map<CfKey, byte[]> writes, MetaDb.Cf cf, byte[] prefix,
                                java.util.TreeMap<byte[], byte[]> out) {
        for (var e : writes.entrySet()) {
            if (e.getKey().cf() == cf && Keys.startsWith(e.getKey().key(), prefix)) {
                if (e.getValue() == TOMBSTONE) {
                    out.remove(e.getKey().key());
                } else {
                    out.put(e.getKey().key(), e.getValue());
                }
            }
        }
    }

    /** Runs after the group is durable, on the committer thread, before callers are released. Keep it short. */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    /** Moves the staged writes into the group batch and overlay; called once the mutation succeeded. */
    void flushTo(WriteBatch batch) throws RocksDBException {
        for (var e : staged.entrySet()) {
            CfKey k = e.getKey();
            if (e.getValue() == TOMBSTONE) {
                batch.delete(db.cf(k.cf()), k.key());
            } else {
                batch.put(db.cf(k.cf()), k.key(), e.getValue());
            }
            groupOverlay.put(k, e.getValue());
        }
    }

    /** Column family plus key with value semantics, for the overlay maps. */
    record CfKey(MetaDb.Cf cf, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CfKey other && other.cf == cf && Arrays.equals(other.key, key);
        }

        @Override
        public int hashCode() {
            return cf.hashCode() * 31 + Arrays.hashCode(key);
        }
    }
}
