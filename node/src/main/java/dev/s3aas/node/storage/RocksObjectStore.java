package dev.s3aas.node.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage engine: metadata in RocksDB ({@link MetaDb}), data inline or in blob files ({@link BlobStore}).
 *
 * <h2>Write protocol (PutObject)</h2>
 * <ol>
 *   <li>Small bodies (≤ {@value DataSink#INLINE_MAX} bytes) are read into memory. Larger ones stream into a
 *       new file {@code tmp/<random id>}, which is fdatasync'ed, then {@code tmp/} is fsync'ed.</li>
 *   <li>Digests are checked (Content-MD5, x-amz-checksum-*). On mismatch the file is deleted: nothing is
 *       stored.</li>
 *   <li><b>Commit point:</b> one RocksDB write batch, synced to the WAL (grouped with concurrent writers by
 *       {@link Committer}): the object record, the inline bytes or a {@code blobrefs} entry for the file, the
 *       bucket usage, and for the replaced version its removal ({@code gc} entry for its file).</li>
 *   <li>After the commit: {@code tmp/<id>} is renamed to {@code blobs/<xx>/<id>} (not synced), the caller is
 *       answered, and replaced files are unlinked in the background.</li>
 * </ol>
 * Crash anywhere before the commit: the tmp file is unreferenced and deleted at the next start. Crash after
 * it: the object is complete (its data was durable first); a missed rename or unlink is redone at start by
 * {@link BlobCollector#recover()}. Readers see the old or the new record, never a mix.
 */
public final class RocksObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(RocksObjectStore.class);
    private static final byte[] NEXT_BUCKET_ID = Keys.utf8("next-bucket-id");
    private static final byte[] EMPTY = new byte[0];
    private static final int READ_RETRIES = 5;

    private final MetaDb db;
    private final BlobStore blobs;
    private final Committer committer;
    private final BlobCollector collector;
    private final Lister lister;

    private RocksObjectStore(MetaDb db, BlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
        this.committer = new Committer(db);
        this.collector = new BlobCollector(db, blobs);
        this.lister = new Lister(db);
    }

    /** Opens (or creates) the store in {@code dataDir} and repairs what an earlier crash left behind. */
    public static RocksObjectStore open(Path dataDir) throws IOException {
        MetaDb db = new MetaDb(dataDir.resolve("meta"));
        try {
            BlobStore blobs = new BlobStore(dataDir);
            RocksObjectStore store = new RocksObjectStore(db, blobs);
            var report = store.collector.recover();
            LOG.info("storage opened at {}: {}", dataDir, report);
            return store;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * A durable key-value table in the metadata store's {@code iam} column family, under {@code namespace}.
     * Its writes share the single writer (and group commit) with object metadata.
     */
    public MetadataTable metadataTable(String namespace) {
        return new MetadataTable(db, committer, namespace);
    }

    // ---- buckets ----

    @Override
    public BucketInfo createBucket(String name, String region, boolean objectLock) throws StorageException, IOException {
        byte[] key = Keys.utf8(name);
        return committer.commit(txn -> {
            if (txn.get(MetaDb.Cf.BUCKETS, key) != null) {
                throw new StorageException(StorageError.BUCKET_ALREADY_OWNED,
                        "Your previous request to create the named bucket succeeded and you already own it.");
            }
            byte[] counter = txn.get(MetaDb.Cf.DEFAULT, NEXT_BUCKET_ID);
            long id = counter == null ? 1 : Keys.getLong(counter, 0);
            txn.put(MetaDb.Cf.DEFAULT, NEXT_BUCKET_ID, Keys.longBytes(id + 1));
            BucketConfig config = BucketConfig.DEFAULT;
            if (objectLock) {
                // Object lock requires versioning (S3: enabling object lock enables versioning for good).
                config = new BucketConfig("Enabled", true, null, 0);
            }
            BucketRecord b = new BucketRecord(BucketRecord.FORMAT, id, name, System.currentTimeMillis(), region, config);
            txn.put(MetaDb.Cf.BUCKETS, key, RecordCodec.encode(b));
            return b.toInfo();
        });
    }

    @Override
    public BucketInfo bucket(String name) throws StorageException {
        return bucketRecord(name).toInfo();
    }

    BucketRecord bucketRecord(String name) throws StorageException {
        byte[] v = db.get(MetaDb.Cf.BUCKETS, Keys.utf8(name));
        if (v == null) {
            throw noSuchBucket();
        }
        return RecordCodec.decode(v, BucketRecord.class);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        List<BucketInfo> out = new ArrayList<>();
        try (RocksIterator it = db.iterator(MetaDb.Cf.BUCKETS)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                out.add(RecordCodec.decode(it.value(), BucketRecord.class).toInfo());
            }
        }
        return out;
    }

    @Override
    public void deleteBucket(String name) throws StorageException, IOException {
        byte[] key = Keys.utf8(name);
        committer.commit(txn -> {
            BucketRecord b = bucketIn(txn, key);
            byte[] prefix = Keys.bucketPrefix(b.id());
            if (hasAnyObject(prefix) || txn.groupHasLive(MetaDb.Cf.OBJECTS, prefix)) {
                throw new StorageException(StorageError.BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty");
            }
            txn.delete(MetaDb.Cf.BUCKETS, key);
            txn.delete(MetaDb.Cf.USAGE, prefix);
            return null;
        });
    }

    private boolean hasAnyObject(byte[] bucketPrefix) {
        try (RocksIterator it = db.iterator(MetaDb.Cf.OBJECTS)) {
            it.seek(bucketPrefix);
            return it.isValid() && Keys.startsWith(it.key(), bucketPrefix);
        }
    }

    @Override
    public BucketInfo updateBucketConfig(String name, UnaryOperator<BucketConfig> change) throws StorageException, IOException {
        byte[] key = Keys.utf8(name);
        return committer.commit(txn -> {
            BucketRecord current = bucketIn(txn, key);
            BucketRecord b = current.withConfig(change.apply(current.config()));
            txn.put(MetaDb.Cf.BUCKETS, key, RecordCodec.encode(b));
            return b.toInfo();
        });
    }

    @Override
    public BucketUsage usage(String bucket) throws StorageException {
        BucketRecord b = bucketRecord(bucket);
        return decodeUsage(db.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(b.id())));
    }

    // ---- objects ----

    @Override
    public ObjectInfo putObject(PutObjectInput in, InputStream body) throws StorageException, IOException {
        BucketRecord bucket = bucketRecord(in.bucket());
        checkQuota(bucket, in.contentLength(), currentSize(bucket, in.key()));
        DataSink.Received data = DataSink.receive(blobs, body, in.contentLength(), DataSink.MAX_OBJECT_SIZE,
                in.checksumAlgorithm());
        try {
            verifyDigests(in, data);
            Checksum checksum = in.checksumAlgorithm() == null ? null
                    : new Checksum(in.checksumAlgorithm(), data.checksum(), false);
            Extent extent = new Extent(data.inline() != null ? BlobIds.newId() : data.blobId(), data.size(),
                    data.inline() != null);
            ObjectRecord record = new ObjectRecord(ObjectRecord.FORMAT, "null", false, data.size(), data.etag(),
                    System.currentTimeMillis(), in.metadata(), checksum, List.of(extent), 0);
            return committer.commit(txn -> writeCurrent(txn, in.bucket(), in.key(), in.condition(), record,
                    data.inline())).toInfo(in.bucket(), in.key());
        } catch (StorageException | IOException | RuntimeException e) {
            if (data.blobId() != null) {
                blobs.delete(data.blobId());
            }
            throw e;
        }
    }

    private static void verifyDigests(PutObjectInput in, DataSink.Received data) throws StorageException {
        if (in.contentMd5() != null && !MessageDigest.isEqual(in.contentMd5(), data.md5())) {
            throw new StorageException(StorageError.BAD_DIGEST,
                    "The Content-MD5 you specified did not match what we received.");
        }
        if (in.checksumAlgorithm() != null) {
            String expected = in.expectedChecksum().get();
            if (expected != null && !expected.equals(data.checksum())) {
                throw new StorageException(StorageError.BAD_DIGEST, "The " + in.checksumAlgorithm().name()
                        + " you specified did not match the calculated checksum.");
            }
        }
    }

    /**
     * Inside a commit: makes {@code record} the current version of the key, replacing (and releasing the data
     * of) the previous one, with the write condition and the quota checked against the state at this instant.
     */
    private ObjectRecord writeCurrent(Txn txn, String bucketName, String key, WriteCondition condition,
                                      ObjectRecord record, byte[] inlineData) throws StorageException {
        BucketRecord bucket = bucketIn(txn, Keys.utf8(bucketName));
        byte[] rk = Keys.objectKey(bucket.id(), key);
        byte[] oldBytes = txn.get(MetaDb.Cf.OBJECTS, rk);
        ObjectRecord old = oldBytes == null ? null : RecordCodec.decode(oldBytes, ObjectRecord.class);
        Preconditions.checkWrite(condition, old);
        long oldSize = old == null || old.deleteMarker() ? 0 : old.size();
        long oldCount = old == null || old.deleteMarker() ? 0 : 1;
        byte[] usageKey = Keys.bucketPrefix(bucket.id());
        BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, usageKey));
        long quota = bucket.config().quotaBytes();
        if (quota > 0 && record.size() > oldSize && usage.bytes() - oldSize + record.size() > quota) {
            throw quotaExceeded();
        }
        txn.put(MetaDb.Cf.OBJECTS, rk, RecordCodec.encode(record));
        for (Extent e : record.extents()) {
            if (e.inline()) {
                txn.put(MetaDb.Cf.INLINE, BlobIds.bytes(e.blobId()), inlineData);
            } else {
                txn.put(MetaDb.Cf.BLOBREFS, BlobIds.bytes(e.blobId()), EMPTY);
                txn.afterCommit(() -> publish(e.blobId()));
            }
        }
        if (old != null) {
            release(txn, old);
        }
        txn.put(MetaDb.Cf.USAGE, usageKey, encodeUsage(usage.plus(record.size() - oldSize, 1 - oldCount)));
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
    private void release(Txn txn, ObjectRecord old) {
        for (Extent e : old.extents()) {
            byte[] id = BlobIds.bytes(e.blobId());
            if (e.inline()) {
                txn.delete(MetaDb.Cf.INLINE, id);
            } else {
                txn.delete(MetaDb.Cf.BLOBREFS, id);
                txn.put(MetaDb.Cf.GC, id, EMPTY);
                txn.afterCommit(() -> collector.enqueue(e.blobId()));
            }
        }
    }

    private void checkQuota(BucketRecord bucket, long incoming, long replaced) throws StorageException {
        long quota = bucket.config().quotaBytes();
        if (quota > 0 && incoming > 0) {
            BucketUsage u = decodeUsage(db.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(bucket.id())));
            if (u.bytes() - replaced + incoming > quota) {
                throw quotaExceeded();
            }
        }
    }

    /**
     * Bytes the key's current version takes (0 if none), which an overwrite gives back: the early quota check
     * must count it like the commit does, or an overwrite that fits would be refused.
     */
    private long currentSize(BucketRecord bucket, String key) {
        if (bucket.config().quotaBytes() <= 0) {
            return 0;
        }
        byte[] v = db.get(MetaDb.Cf.OBJECTS, Keys.objectKey(bucket.id(), key));
        ObjectRecord r = v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
        return r == null || r.deleteMarker() ? 0 : r.size();
    }

    @Override
    public ObjectInfo headObject(String bucket, String key) throws StorageException {
        BucketRecord b = bucketRecord(bucket);
        return currentRecord(b, key).toInfo(bucket, key);
    }

    private ObjectRecord currentRecord(BucketRecord b, String key) throws StorageException {
        byte[] v = db.get(MetaDb.Cf.OBJECTS, Keys.objectKey(b.id(), key));
        ObjectRecord r = v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
        if (r == null || r.deleteMarker()) {
            throw new StorageException(StorageError.NO_SUCH_KEY, "The specified key does not exist.");
        }
        return r;
    }

    @Override
    public ObjectData openObject(String bucket, String key) throws StorageException, IOException {
        BucketRecord b = bucketRecord(bucket);
        for (int attempt = 0; ; attempt++) {
            ObjectRecord r = currentRecord(b, key);
            ObjectInfo info = r.toInfo(bucket, key);
            try {
                if (!r.extents().isEmpty() && r.extents().get(0).inline()) {
                    byte[] data = db.get(MetaDb.Cf.INLINE, BlobIds.bytes(r.extents().get(0).blobId()));
                    if (data != null) {
                        return StoredObjectData.inline(info, data);
                    }
                } else {
                    return StoredObjectData.files(info, r.extents(), blobs);
                }
            } catch (NoSuchFileException e) {
                // Replaced and collected between reading the record and opening its data: read again.
            }
            if (attempt == READ_RETRIES) {
                throw new IOException("object data kept disappearing while opening " + bucket + "/" + key);
            }
        }
    }

    @Override
    public DeleteOutcome deleteObject(String bucket, String key) throws StorageException, IOException {
        byte[] bk = Keys.utf8(bucket);
        return committer.commit(txn -> {
            BucketRecord b = bucketIn(txn, bk);
            byte[] rk = Keys.objectKey(b.id(), key);
            byte[] oldBytes = txn.get(MetaDb.Cf.OBJECTS, rk);
            if (oldBytes == null) {
                return new DeleteOutcome(false, null, false);
            }
            ObjectRecord old = RecordCodec.decode(oldBytes, ObjectRecord.class);
            txn.delete(MetaDb.Cf.OBJECTS, rk);
            release(txn, old);
            byte[] usageKey = Keys.bucketPrefix(b.id());
            BucketUsage usage = decodeUsage(txn.get(MetaDb.Cf.USAGE, usageKey));
            txn.put(MetaDb.Cf.USAGE, usageKey, encodeUsage(usage.plus(-old.size(), -1)));
            return new DeleteOutcome(true, null, false);
        });
    }

    @Override
    public ListPage listObjects(ListQuery query) throws StorageException {
        return lister.list(bucketRecord(query.bucket()), query);
    }

    // ---- helpers ----

    private static BucketRecord bucketIn(Txn txn, byte[] key) throws StorageException {
        byte[] v = txn.get(MetaDb.Cf.BUCKETS, key);
        if (v == null) {
            throw noSuchBucket();
        }
        return RecordCodec.decode(v, BucketRecord.class);
    }

    private static StorageException noSuchBucket() {
        return new StorageException(StorageError.NO_SUCH_BUCKET, "The specified bucket does not exist");
    }

    private static StorageException quotaExceeded() {
        return new StorageException(StorageError.QUOTA_EXCEEDED, "Bucket quota exceeded");
    }

    private static BucketUsage decodeUsage(byte[] v) {
        return v == null ? BucketUsage.ZERO : new BucketUsage(Keys.getLong(v, 0), Keys.getLong(v, 8));
    }

    private static byte[] encodeUsage(BucketUsage u) {
        byte[] b = new byte[16];
        Keys.putLong(b, 0, u.bytes());
        Keys.putLong(b, 8, u.objects());
        return b;
    }

    @Override
    public void close() {
        committer.close();
        collector.close();
        db.close();
    }
}
