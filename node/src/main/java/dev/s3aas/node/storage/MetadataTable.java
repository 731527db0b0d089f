package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rocksdb.RocksIterator;

/**
 * A small durable key-value table for node metadata that is not object data: IAM users and policies today.
 * Keys are strings under a namespace prefix in the reserved {@code iam} column family; values are opaque
 * bytes (the caller owns their format and version). Writes go through the single-writer {@link Committer}
 * like every other mutation, so a {@link #commit(Batch)} is atomic and durable when it returns. Reads go to
 * RocksDB: callers are expected to load once at start and keep their own in-memory view.
 */
public final class MetadataTable {
    private final MetaDb db;
    private final Committer committer;
    private final String namespace;

    MetadataTable(MetaDb db, Committer committer, String namespace) {
        if (namespace.isEmpty() || namespace.indexOf('/') >= 0) {
            throw new IllegalArgumentException("namespace must be a non-empty name without '/'");
        }
        this.db = db;
        this.committer = committer;
        this.namespace = namespace + "/";
    }

    /** Writes and deletes applied together, in order, in one commit. */
    public static final class Batch {
        private final Map<String, byte[]> changes = new LinkedHashMap<>();

        public Batch put(String key, byte[] value) {
            changes.put(key, value.clone());
            return this;
        }

        public Batch delete(String key) {
            changes.put(key, null);
            return this;
        }

        public boolean isEmpty() {
            return changes.isEmpty();
        }

        public int size() {
            return changes.size();
        }
    }

    /** Applies the batch atomically; returns when it is durable. */
    public void commit(Batch batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Map.Entry<byte[], byte[]>> writes = new ArrayList<>(batch.changes.size());
        batch.changes.forEach((k, v) -> writes.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key(k), v)));
        try {
            committer.commit(txn -> {
                for (var w : writes) {
                    if (w.getValue() == null) {
                        txn.delete(MetaDb.Cf.IAM, w.getKey());
                    } else {
                        txn.put(MetaDb.Cf.IAM, w.getKey(), w.getValue());
                    }
                }
                return null;
            });
        } catch (StorageException e) {
            throw new IOException("metadata table write failed: " + e.getMessage(), e);
        }
    }

    /**
     * Removes overwritten and deleted values of this table's column family from the files on disk (WAL and SST),
     * for values that must not outlive their replacement (a plaintext secret re-written sealed). Slow: for
     * one-off upgrades, not for every write.
     */
    public void purgeOverwritten() throws IOException {
        try {
            db.purgeOverwritten(MetaDb.Cf.IAM);
        } catch (org.rocksdb.RocksDBException e) {
            throw new IOException("metadata table purge failed: " + e.getMessage(), e);
        }
    }

    public byte[] get(String key) {
        return db.get(MetaDb.Cf.IAM, key(key));
    }

    /** Every entry whose key starts with {@code prefix}, in key order (keys without the namespace). */
    public SortedMap<String, byte[]> scan(String prefix) {
        byte[] start = key(prefix);
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (RocksIterator it = db.iterator(MetaDb.Cf.IAM)) {
            for (it.seek(start); it.isValid() && Keys.startsWith(it.key(), start); it.next()) {
                String full = new String(it.key(), StandardCharsets.UTF_8);
                out.put(full.substring(namespace.length()), it.value());
            }
        }
        return out;
    }

    private byte[] key(String k) {
        return (namespace + k).getBytes(StandardCharsets.UTF_8);
    }
}
