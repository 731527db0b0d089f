package dev.s3aas.node.storage;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared steps of every mutation that changes the versions of a key (PutObject, CompleteMultipartUpload,
 * CopyObject, DeleteObject): preconditions and quota checked against the state at commit time, version ids
 * assigned per the bucket's versioning state, replaced versions archived or released, the bucket's usage
 * adjusted — all in the same {@link Txn}, so all or nothing becomes durable.
 *
 * <p>Versioning (S3 "Using versioning in S3 buckets"): while never enabled, a write replaces the "null"
 * version. Enabled: every write and every unversioned delete adds a version (a delete adds a delete marker)
 * and the previous current version becomes noncurrent. Suspended: writes and deletes produce the "null"
 * version, replacing an existing null version but keeping other versions. Usage counts every stored version.
 */
final class ObjectWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectWrites.class);
    static final byte[] EMPTY = new byte[0];

    private final MetaDb db;
    private final BlobStore blobs;
    private final BlobCollector collector;
    private final VersionIds versionIds;
    private final Clock clock;

    /**
     * @param clock the store's time: Last-Modified of new versions, version ids, and whether a retention is still
     *              in force (tests move it forward to exercise lifecycle and retention without waiting)
     */
    ObjectWrites(MetaDb db, BlobStore blobs, BlobCollector collector, VersionIds versionIds, Clock clock) {
        this.db = db;
        this.blobs = blobs;
        this.collector = collector;
        this.versionIds = versionIds;
        this.clock = clock;
    }

    /** The store's current time in epoch milliseconds. */
    long now() {
        return clock.millis();
    }

    /** Whether the blobs a new record points at still need to be referenced, or already are. */
    enum Data {
        /** Written for this record and durable in tmp/ (PutObject, CopyObject): reference and publish them. */
        FRESH,
        /** Already referenced: uploaded parts (CompleteMultipartUpload), or the replaced version's own blobs. */
        REFERENCED
    }

    /**
     * Inside a commit: makes {@code record} the current version of the key (its version id assigned here), with
     * the write condition and the quota checked against the state at this instant.
     *
     * @param inlineData the bytes of an inline extent that is new, else null
     */
    ObjectRecord writeCurrent(Txn txn, String bucketName, String key, WriteCondition condition,
                              ObjectRecord record, byte[] inlineData, Data data) throws StorageException {
        BucketRecord bucket = bucketIn(txn, Keys.utf8(bucketName));
        byte[] rk = Keys.objectKey(bucket.id(), key);
        ObjectRecord old = decode(txn.get(MetaDb.Cf.OBJECTS, rk));
        Preconditions.checkWrite(condition, old);
        String versioning = bucket.config().versioning();
        ObjectRecord current = withDefaultRetention(bucket, record)
                .withVersionId("Enabled".equals(versioning) ? versionIds.newId(txn) : VersionIds.NULL);
        long freed = old == null ? 0 : retire(txn, bucket, key, old, versioning, current);
        long quota = bucket.config().quotaBytes();
        BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(bucket.id())));
        if (quota > 0 && current.size() > freed && usage.bytes() + current.size() > quota) {
            throw quotaExceeded();
        }
        txn.put(MetaDb.Cf.OBJECTS, rk, RecordCodec.encode(current));
        for (Extent e : current.extents()) {
            if (e.inline() && inlineData != null) {
                txn.put(MetaDb.Cf.INLINE, BlobIds.bytes(e.blobId()), inlineData);
            } else if (!e.inline() && data == Data.FRESH) {
                referenceBlob(txn, e.blobId());
            }
        }
        addUsage(txn, bucket.id(), current.size(), 1);
        return current;
    }

    /** New versions in a bucket with a default retention get it, unless the write set its own. */
    private static ObjectRecord withDefaultRetention(BucketRecord bucket, ObjectRecord r) throws StorageException {
        ObjectLock lock = r.metadata().lock();
        if (lock != null && (lock.mode() != null || lock.legalHold()) && !bucket.config().objectLockEnabled()) {
            throw new StorageException(StorageError.INVALID_REQUEST, "Bucket is missing Object Lock Configuration");
        }
        DefaultRetention d = bucket.config().defaultRetention();
        if (d == null || (lock != null && lock.mode() != null)) {
            return r;
        }
        ObjectLock base = lock == null ? ObjectLock.NONE : lock;
        return r.withMetadata(r.metadata().withLock(base.withRetention(d.mode(), d.retainUntil(r.lastModifiedMillis()))));
    }

    /**
     * The current version {@code old} stops being current because {@code next} takes its place: archived as
     * noncurrent, or released if it is the null version being replaced (usage adjusted here). Returns the
     * bytes released, so a replacement that does not grow the bucket passes the quota.
     */
    private long retire(Txn txn, BucketRecord bucket, String key, ObjectRecord old, String versioning,
                        ObjectRecord next) {
        long freed = 0;
        if (versioning == null || (VersionIds.NULL.equals(old.versionId()) && VersionIds.NULL.equals(next.versionId()))) {
            releaseExcept(txn, old, next);
            freed = old.size();
            addUsage(txn, bucket.id(), -old.size(), -1);
        } else {
            txn.put(MetaDb.Cf.VERSIONS, Keys.versionKey(bucket.id(), key, VersionIds.suffix(old)), RecordCodec.encode(old));
        }
        if ("Suspended".equals(versioning) && !VersionIds.NULL.equals(old.versionId())) {
            freed += dropNoncurrentNull(txn, bucket, key);
        }
        return freed;
    }

    /** Suspended versioning: a new null version replaces a noncurrent null version, if there is one. */
    private long dropNoncurrentNull(Txn txn, BucketRecord bucket, String key) {
        for (Map.Entry<byte[], byte[]> e : txn.scan(MetaDb.Cf.VERSIONS, Keys.versionPrefix(bucket.id(), key),
                Integer.MAX_VALUE).entrySet()) {
            ObjectRecord v = decode(e.getValue());
            if (VersionIds.NULL.equals(v.versionId())) {
                txn.delete(MetaDb.Cf.VERSIONS, e.getKey());
                release(txn, v);
                addUsage(txn, bucket.id(), -v.size(), -1);
                return v.size();
            }
        }
        return 0;
    }

    /** DeleteObject without a version id: removes the key, or adds a delete marker in a versioned bucket. */
    DeleteOutcome deleteCurrent(Txn txn, BucketRecord bucket, String key) {
        byte[] rk = Keys.objectKey(bucket.id(), key);
        ObjectRecord old = decode(txn.get(MetaDb.Cf.OBJECTS, rk));
        String versioning = bucket.config().versioning();
        if (versioning == null) {
            if (old == null) {
                return new DeleteOutcome(false, null, false);
            }
            txn.delete(MetaDb.Cf.OBJECTS, rk);
            release(txn, old);
            addUsage(txn, bucket.id(), -old.size(), -1);
            return new DeleteOutcome(true, null, false);
        }
        ObjectRecord marker = ObjectRecord.deleteMarker(
                "Enabled".equals(versioning) ? versionIds.newId(txn) : VersionIds.NULL, now());
        if (old != null) {
            retire(txn, bucket, key, old, versioning, marker);
        }
        txn.put(MetaDb.Cf.OBJECTS, rk, RecordCodec.encode(marker));
        addUsage(txn, bucket.id(), 0, 1);
        return new DeleteOutcome(true, marker.versionId(), true);
    }

    /**
     * DeleteObject with a version id: that version is removed for good. If it was current, the newest
     * noncurrent version (if any) becomes current.
     */
    DeleteOutcome deleteVersion(Txn txn, BucketRecord bucket, String key, String versionId, boolean bypassGovernance)
            throws StorageException {
        byte[] rk = Keys.objectKey(bucket.id(), key);
        ObjectRecord current = decode(txn.get(MetaDb.Cf.OBJECTS, rk));
        if (current != null && current.versionId().equals(versionId)) {
            checkDeletable(current, bypassGovernance, now());
            txn.delete(MetaDb.Cf.OBJECTS, rk);
            removeVersion(txn, bucket, current);
            var newest = txn.scan(MetaDb.Cf.VERSIONS, Keys.versionPrefix(bucket.id(), key), 1);
            if (!newest.isEmpty()) {
                var e = newest.entrySet().iterator().next();
                txn.delete(MetaDb.Cf.VERSIONS, e.getKey());
                txn.put(MetaDb.Cf.OBJECTS, rk, e.getValue());
            }
            return new DeleteOutcome(true, versionId, current.deleteMarker());
        }
        byte[] vk = findNoncurrent(txn, bucket, key, versionId);
        if (vk == null) {
            return new DeleteOutcome(false, versionId, false);
        }
        ObjectRecord v = decode(txn.get(MetaDb.Cf.VERSIONS, vk));
        checkDeletable(v, bypassGovernance, now());
        txn.delete(MetaDb.Cf.VERSIONS, vk);
        removeVersion(txn, bucket, v);
        return new DeleteOutcome(true, versionId, v.deleteMarker());
    }

    /**
     * Object Lock: a version under legal hold or COMPLIANCE retention cannot be deleted before its date; under
     * GOVERNANCE retention only with {@code x-amz-bypass-governance-retention} (and the permission for it).
     */
    static void checkDeletable(ObjectRecord v, boolean bypassGovernance, long nowMillis) throws StorageException {
        ObjectLock lock = v.metadata().lock();
        if (lock == null) {
            return;
        }
        boolean retained = lock.retainedAt(nowMillis);
        if (lock.legalHold() || (retained && (lock.mode().equals("COMPLIANCE") || !bypassGovernance))) {
            throw new StorageException(StorageError.OBJECT_LOCKED, "Object is WORM protected and cannot be deleted: "
                    + (lock.legalHold() ? "a legal hold is on" : lock.mode() + " retention until "
                    + java.time.Instant.ofEpochMilli(lock.retainUntilMillis())));
        }
    }

    private void removeVersion(Txn txn, BucketRecord bucket, ObjectRecord v) {
        release(txn, v);
        addUsage(txn, bucket.id(), -v.size(), -1);
    }

    /** The versions-CF key of a noncurrent version, or null. The null version is found by scanning the key's versions. */
    byte[] findNoncurrent(Txn txn, BucketRecord bucket, String key, String versionId) {
        if (VersionIds.NULL.equals(versionId)) {
            for (var e : txn.scan(MetaDb.Cf.VERSIONS, Keys.versionPrefix(bucket.id(), key), Integer.MAX_VALUE)
                    .entrySet()) {
                if (VersionIds.NULL.equals(decode(e.getValue()).versionId())) {
                    return e.getKey();
                }
            }
            return null;
        }
        byte[] vk = Keys.versionKey(bucket.id(), key, VersionIds.suffix(versionId));
        return txn.get(MetaDb.Cf.VERSIONS, vk) == null ? null : vk;
    }

    private static ObjectRecord decode(byte[] v) {
        return v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
    }

    /** Drops the data of a version that is no longer referenced (inside the same commit). */
    void release(Txn txn, ObjectRecord old) {
        releaseExcept(txn, old, null);
    }

    /** Releases {@code old}'s data except blobs that {@code keep} still uses (a metadata-only self-copy). */
    private void releaseExcept(Txn txn, ObjectRecord old, ObjectRecord keep) {
        // A set, not a nested scan: this runs on the single committer thread, and 10,000 parts over 10,000
        // parts would stall every write of the node.
        java.util.Set<String> kept = keep == null ? java.util.Set.of()
                : keep.extents().stream().map(Extent::blobId).collect(java.util.stream.Collectors.toSet());
        for (Extent e : old.extents()) {
            if (kept.contains(e.blobId())) {
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

    private void publish(String blobId) {
        try {
            blobs.publish(blobId);
        } catch (IOException e) {
            // The data is durable in tmp/ and readable there; the janitor moves it at the next start.
            LOG.warn("could not move blob {} out of tmp/", blobId, e);
        }
    }

    /** Early quota check before streaming a body (the authoritative check is inside the commit). */
    void checkQuota(BucketRecord bucket, long incoming, long replaced) throws StorageException {
        long quota = bucket.config().quotaBytes();
        if (quota > 0 && incoming > 0) {
            BucketUsage u = decodeUsage(db.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(bucket.id())));
            if (u.bytes() - replaced + incoming > quota) {
                throw quotaExceeded();
            }
        }
    }

    /** Inside the commit: adds {@code bytes} to usage, refusing growth past a hard quota. */
    void chargeQuota(Txn txn, BucketRecord bucket, long bytes) throws StorageException {
        long quota = bucket.config().quotaBytes();
        if (quota > 0 && bytes > 0) {
            BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(bucket.id())));
            if (usage.bytes() + bytes > quota) {
                throw quotaExceeded();
            }
        }
        addUsage(txn, bucket.id(), bytes, 0);
    }

    /** Adds to a bucket's usage inside the commit. */
    void addUsage(Txn txn, long bucketId, long deltaBytes, long deltaObjects) {
        if (deltaBytes == 0 && deltaObjects == 0) {
            return;
        }
        byte[] usageKey = Keys.bucketPrefix(bucketId);
        BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, usageKey));
        txn.put(MetaDb.Cf.USAGE, usageKey, encodeUsage(usage.plus(deltaBytes, deltaObjects)));
    }

    static BucketRecord bucketIn(Txn txn, byte[] key) throws StorageException {
        byte[] v = txn.get(MetaDb.Cf.BUCKETS, key);
        if (v == null) {
            throw noSuchBucket();
        }
        return BucketRecord.decode(new String(key, java.nio.charset.StandardCharsets.UTF_8), v);
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
}
