package dev.s3aas.node.storage;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared steps of every mutation that changes which version of a key is current (PutObject,
 * CompleteMultipartUpload, CopyObject, DeleteObject): preconditions and quota checked against the state at
 * commit time, the record and its data references written, the replaced version's data released, the
 * bucket's usage adjusted — all in the same {@link Txn}, so all or nothing becomes durable.
 */
final class ObjectWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectWrites.class);
    static final byte[] EMPTY = new byte[0];

    private final MetaDb db;
    private final BlobStore blobs;
    private final BlobCollector collector;

    ObjectWrites(MetaDb db, BlobStore blobs, BlobCollector collector) {
        this.db = db;
        this.blobs = blobs;
        this.collector = collector;
    }


    /** Whether the blobs a new record points at still need to be referenced, or already are. */
    enum Data {
        /** Written for this record and durable in tmp/ (PutObject, CopyObject): reference and publish them. */
        FRESH,
        /** Already referenced: uploaded parts (CompleteMultipartUpload), or the replaced version's own blobs. */
        REFERENCED
    }

    /**
     * Inside a commit: makes {@code record} the current version of the key, replacing (and releasing the data
     * of) the previous one, with the write condition and the quota checked against the state at this instant.
     * Blobs shared by the old and the new record (a metadata-only self-copy) are kept.
     *
     * @param inlineData the bytes of an inline extent that is new, else null
     */
    ObjectRecord writeCurrent(Txn txn, String bucketName, String key, WriteCondition condition,
                              ObjectRecord record, byte[] inlineData, Data data) throws StorageException {
        BucketRecord bucket = bucketIn(txn, Keys.utf8(bucketName));
        byte[] rk = Keys.objectKey(bucket.id(), key);
        byte[] oldBytes = txn.get(MetaDb.Cf.OBJECTS, rk);
        ObjectRecord old = oldBytes == null ? null : RecordCodec.decode(oldBytes, ObjectRecord.class);
        Preconditions.checkWrite(condition, old);
        long oldSize = old == null || old.deleteMarker() ? 0 : old.size();
        long oldCount = old == null || old.deleteMarker() ? 0 : 1;
        long quota = bucket.config().quotaBytes();
        BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(bucket.id())));
        if (quota > 0 && record.size() > oldSize && usage.bytes() - oldSize + record.size() > quota) {
            throw quotaExceeded();
        }
        txn.put(MetaDb.Cf.OBJECTS, rk, RecordCodec.encode(record));
        for (Extent e : record.extents()) {
            if (e.inline() && inlineData != null) {
                txn.put(MetaDb.Cf.INLINE, BlobIds.bytes(e.blobId()), inlineData);
            } else if (!e.inline() && data == Data.FRESH) {
                referenceBlob(txn, e.blobId());
            }
        }
        if (old != null) {
            releaseExcept(txn, old, record);
        }
        addUsage(txn, bucket.id(), record.size() - oldSize, 1 - oldCount);
        return record;
    }

    private void publish(String blobId) {
        try {
            blobs.publish(blobId);
        } catch (IOException e) {
            // The data is durable in tmp/ and readable there; the janitor moves it at the next start.
            LOG.warn("could not move blob {} out of tmp/", blobId, e);
        }
    }

    /** Drops the data of a version that is no longer referenced (inside the same commit). */
    void release(Txn txn, ObjectRecord old) {
        releaseExcept(txn, old, null);
    }

    private void releaseExcept(Txn txn, ObjectRecord old, ObjectRecord keep) {
        for (Extent e : old.extents()) {
            if (keep != null && keep.extents().stream().anyMatch(k -> k.blobId().equals(e.blobId()))) {
                continue;
            }
            if (e.inline()) {
                txn.delete(MetaDb.Cf.INLINE, BlobIds.bytes(e.blobId()));
            } else {
                releaseBlob(txn, e.blobId());
            }
        }
    }

    /** A blob file is no longer referenced: record it as garbage; it is unlinked after the commit. */
    void releaseBlob(Txn txn, String blobId) {
        byte[] id = BlobIds.bytes(blobId);
        txn.delete(MetaDb.Cf.BLOBREFS, id);
        txn.put(MetaDb.Cf.GC, id, EMPTY);
        txn.afterCommit(() -> collector.enqueue(blobId));
    }

    /** A blob file durable in tmp/ becomes referenced: recorded in blobrefs, moved to blobs/ after the commit. */
    void referenceBlob(Txn txn, String blobId) {
        txn.put(MetaDb.Cf.BLOBREFS, BlobIds.bytes(blobId), EMPTY);
        txn.afterCommit(() -> publish(blobId));
    }

    void checkQuota(BucketRecord bucket, long incoming, long replaced) throws StorageException {
        long quota = bucket.config().quotaBytes();
        if (quota > 0 && incoming > 0) {
            BucketUsage u = decodeUsage(db.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(bucket.id())));
            if (u.bytes() - replaced + incoming > quota) {
                throw quotaExceeded();
            }
        }
    }

    static BucketRecord bucketIn(Txn txn, byte[] key) throws StorageException {
        byte[] v = txn.get(MetaDb.Cf.BUCKETS, key);
        if (v == null) {
            throw noSuchBucket();
        }
        return RecordCodec.decode(v, BucketRecord.class);
    }

    static StorageException noSuchBucket() {
        return new StorageException(StorageError.NO_SUCH_BUCKET, "The specified bucket does not exist");
    }

    static StorageException quotaExceeded() {
        return new StorageException(StorageError.QUOTA_EXCEEDED, "Bucket quota exceeded");
    }

    static BucketUsage decodeUsage(byte[] v) {
        return v == null ? BucketUsage.ZERO : new BucketUsage(Keys.getLong(v, 0), Keys.getLong(v, 8));
    }

    static byte[] encodeUsage(BucketUsage u) {
        byte[] b = new byte[16];
        Keys.putLong(b, 0, u.bytes());
        Keys.putLong(b, 8, u.objects());
        return b;
    }

    /** Adds to a bucket's usage inside the commit. */
    void addUsage(Txn txn, long bucketId, long deltaBytes, long deltaObjects) {
        byte[] usageKey = Keys.bucketPrefix(bucketId);
        BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, usageKey));
        txn.put(MetaDb.Cf.USAGE, usageKey, encodeUsage(usage.plus(deltaBytes, deltaObjects)));
    }
}
