package dev.s3aas.node.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * ListObjects over the {@code objects} column family. Keys are compared as UTF-8 bytes, which is S3's order.
 * With a delimiter, each common prefix is emitted once and the iterator then seeks past every key under it,
 * so a prefix holding a million keys costs one seek, not a million steps.
 */
final class Lister {
    private final MetaDb db;

    Lister(MetaDb db) {
        this.db = db;
    }

    ListPage list(BucketRecord bucket, ListQuery q) {
        if (q.maxKeys() == 0) {
            return new ListPage(List.of(), List.of(), false, null);
        }
        byte[] bucketPrefix = Keys.bucketPrefix(bucket.id());
        byte[] prefix = Keys.objectKey(bucket.id(), q.prefix());
        byte[] after = q.startAfter().isEmpty() ? null : Keys.objectKey(bucket.id(), q.startAfter());
        byte[] upper = Keys.successor(prefix);
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        int count = 0;
        try (Slice upperSlice = upper == null ? null : new Slice(upper);
             ReadOptions ro = new ReadOptions();
             RocksIterator it = open(ro, upperSlice)) {
            it.seek(after != null && Arrays.compareUnsigned(after, prefix) > 0 ? after : prefix);
            while (it.isValid()) {
                byte[] k = it.key();
                if (!Keys.startsWith(k, prefix)) {
                    break;
                }
                byte[] cp = q.delimiter() == null ? null : commonPrefix(k, prefix.length, Keys.utf8(q.delimiter()));
                byte[] name = cp != null ? cp : k;
                if (after != null && Arrays.compareUnsigned(name, after) <= 0) {
                    skip(it, cp);
                    continue;
                }
                if (cp == null) {
                    ObjectRecord r = RecordCodec.decode(it.value(), ObjectRecord.class);
                    if (r.deleteMarker()) {
                        it.next();
                        continue;
                    }
                    if (count == q.maxKeys()) {
                        truncated = true;
                        break;
                    }
                    String key = Keys.objectName(k);
                    objects.add(r.toInfo(bucket.name(), key));
                    last = key;
                } else {
                    if (count == q.maxKeys()) {
                        truncated = true;
                        break;
                    }
                    last = Keys.objectName(cp);
                    prefixes.add(last);
                }
                count++;
                skip(it, cp);
            }
        }
        return new ListPage(objects, prefixes, truncated, last);
    }

    private RocksIterator open(ReadOptions ro, Slice upper) {
        if (upper != null) {
            ro.setIterateUpperBound(upper);
        }
        return db.iterator(MetaDb.Cf.OBJECTS, ro);
    }

    /** Advances past the current key, or past every key under the common prefix {@code cp}. */
    private static void skip(RocksIterator it, byte[] cp) {
        if (cp == null) {
            it.next();
        } else {
            seekPast(it, cp);
        }
    }

    /** Moves {@code it} to the first key after every key starting with {@code commonPrefix}. */
    static void seekPast(RocksIterator it, byte[] commonPrefix) {
        byte[] next = Keys.successor(commonPrefix);
        if (next == null) {
            it.seekToLast();
            it.next();
        } else {
            it.seek(next);
        }
    }

    /**
     * If the key contains the delimiter after the listing prefix, the rocks key of the common prefix
     * (bucket id, prefix, text up to and including the first delimiter); otherwise null.
     */
    static byte[] commonPrefix(byte[] key, int from, byte[] delimiter) {
        outer:
        for (int i = from; i <= key.length - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (key[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return Arrays.copyOf(key, i + delimiter.length);
        }
        return null;
    }
}
