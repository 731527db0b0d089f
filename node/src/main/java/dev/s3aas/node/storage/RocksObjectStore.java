package dev.s3aas.node.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private static final int READ_RETRIES = 5;

    private final MetaDb db;
    private final BlobStore blobs;
    private final Committer committer;
    private final BlobCollector collector;
    private final Lister lister;
    private final ObjectWrites writes;
    private final MultipartUploads multipart;
    private final UploadLister uploadLister;
    private final ObjectCopier copier;
    private final VersionReader versions;
    private final VersionLister versionLister;
    private final LifecycleExpirer expirer;
    private final DataKeys keys;
    private final SseMasterKey master;
    private final InlineValues inline;
    private final Scrubber scrubber;

    private RocksObjectStore(MetaDb db, BlobStore blobs, SseMasterKey sse, VersionIds versionIds, Clock clock,
                             StorageEvents events) {
        this.db = db;
        this.blobs = blobs;
        this.committer = new Committer(db, events);
        this.inline = new InlineValues(db, events);
        this.scrubber = new Scrubber(db, blobs, events);
        this.master = sse;
        this.keys = new DataKeys(sse, new KmsKeyRing(new MetadataTable(db, committer, "kms"), sse, clock));
        this.collector = new BlobCollector(db, blobs);
        this.lister = new Lister(db);
        this.writes = new ObjectWrites(db, blobs, collector, versionIds, clock);
        this.multipart = new MultipartUploads(db, blobs, committer, writes, keys);
        this.uploadLister = new UploadLister(db);
        this.copier = new ObjectCopier(this, blobs, committer, writes, multipart);
        this.versions = new VersionReader(db);
        this.versionLister = new VersionLister(db);
        this.expirer = new LifecycleExpirer(writes);
    }

    /** Opens (or creates) the store in {@code dataDir}, with the SSE master key in the data dir. */
    public static RocksObjectStore open(Path dataDir) throws IOException {
        return open(dataDir, dataDir.resolve("sse-master.key"));
    }

    /** Opens (or creates) the store, on the system clock. */
    public static RocksObjectStore open(Path dataDir, Path sseKeyFile) throws IOException {
        return open(dataDir, sseKeyFile, Clock.systemUTC());
    }

    /**
     * Opens (or creates) the store and repairs what an earlier crash left behind.
     *
     * @param clock the time of the data: Last-Modified and version ids of new versions, upload initiation, and
     *              whether an Object Lock retention is still in force (what lifecycle rules count days from)
     */
    public static RocksObjectStore open(Path dataDir, Path sseKeyFile, Clock clock) throws IOException {
        return open(dataDir, sseKeyFile, clock, StorageEvents.NONE);
    }

    /** As {@link #open(Path, Path, Clock)}, reporting durable writes to {@code events}. */
    public static RocksObjectStore open(Path dataDir, Path sseKeyFile, Clock clock, StorageEvents events)
            throws IOException {
        SseMasterKey sse = SseMasterKey.loadOrCreate(sseKeyFile);
        MetaDb db = new MetaDb(dataDir.resolve("meta"));
        try {
            BlobStore blobs = new BlobStore(dataDir, events);
            VersionIds versionIds = new VersionIds(clock);
            versionIds.startAbove(db);
            RocksObjectStore store = new RocksObjectStore(db, blobs, sse, versionIds, clock, events);
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
            BucketRecord b = new BucketRecord(BucketRecord.FORMAT, id, name, writes.now(), region, config);
            txn.put(MetaDb.Cf.BUCKETS, key, RecordCodec.encode(b));
            return b.toInfo();
        });
    }

    @Override
    public BucketInfo bucket(String name) throws StorageException {
        return bucketRecord(name).toInfo();
    }

    BucketRecord bucketRecord(String name) throws StorageException {
        return db.bucketRecord(name);
    }

    /** Checks stored data against its checksums, for the background scrub ({@code node.scrub}). */
    public Scrubber scrubber() {
        return scrubber;
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
            BucketRecord b = ObjectWrites.bucketIn(txn, key);
            byte[] prefix = Keys.bucketPrefix(b.id());
            boolean empty = txn.scan(MetaDb.Cf.OBJECTS, prefix, 1).isEmpty()
                    && txn.scan(MetaDb.Cf.VERSIONS, prefix, 1).isEmpty();
            if (!empty) {
                throw new StorageException(StorageError.BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty");
            }
            multipart.abortAllIn(txn, b.id());
            txn.delete(MetaDb.Cf.BUCKETS, key);
            txn.delete(MetaDb.Cf.USAGE, prefix);
            return null;
        });
    }

    @Override
    public BucketInfo updateBucketConfig(String name, ConfigChange change) throws StorageException, IOException {
        byte[] key = Keys.utf8(name);
        return committer.commit(txn -> {
            BucketRecord current = ObjectWrites.bucketIn(txn, key);
            BucketRecord b = current.withConfig(change.apply(current.config()));
            txn.put(MetaDb.Cf.BUCKETS, key, RecordCodec.encode(b));
            return b.toInfo();
        });
    }

    @Override
    public BucketUsage usage(String bucket) throws StorageException {
        BucketRecord b = bucketRecord(bucket);
        return ObjectWrites.decodeUsage(db.get(MetaDb.Cf.USAGE, Keys.bucketPrefix(b.id())));
    }

    // ---- objects ----

    @Override
    public ObjectInfo putObject(PutObjectInput in, InputStream body) throws StorageException, IOException {
        BucketRecord bucket = bucketRecord(in.bucket());
        writes.checkQuota(bucket, in.contentLength(), currentSize(bucket, in.key()));
        CustomerKeys.WriteKey key = keys.forWrite(bucket, in.serverSideEncryption(), in.customerKey());
        DataSink.Received data = DataSink.receive(blobs, body, in.contentLength(), MAX_UPLOAD_SIZE,
                in.checksumAlgorithm(), key == null ? null : key.plain());
        try {
            DataSink.verify(in.contentMd5(), in.checksumAlgorithm(), in.expectedChecksum().get(), data);
            Checksum checksum = in.checksumAlgorithm() == null ? null
                    : new Checksum(in.checksumAlgorithm(), data.checksum(), false);
            ObjectRecord record = new ObjectRecord(ObjectRecord.FORMAT, VersionIds.NULL, false, data.size(), data.etag(),
                    writes.now(), in.metadata(), checksum, List.of(data.extent()), 0,
                    key == null ? null : key.slot());
            return committer.commit(txn -> writes.writeCurrent(txn, in.bucket(), in.key(), in.condition(), record,
                    data.inline(), ObjectWrites.Data.FRESH)).toInfo(in.bucket(), in.key());
        } catch (StorageException | IOException | RuntimeException e) {
            if (data.blobId() != null) {
                blobs.delete(data.blobId());
            }
            throw e;
        }
    }

    DataKeys keys() {
        return keys;
    }

    /** A key derived from the node's master key for another use ({@link SseMasterKey#subkey}). */
    public byte[] masterSubkey(String label) {
        return master.subkey(label);
    }

    @Override
    public KmsKeyRing kmsKeys() {
        return keys.ring();
    }

    /**
     * Bytes the key's current version takes (0 if none), which an overwrite gives back (unless versioning keeps
     * it): the early quota check must count it like the commit does, or an overwrite that fits would be refused.
     */
    private long currentSize(BucketRecord bucket, String key) {
        if (bucket.config().quotaBytes() <= 0 || "Enabled".equals(bucket.config().versioning())) {
            return 0;
        }
        byte[] v = db.get(MetaDb.Cf.OBJECTS, Keys.objectKey(bucket.id(), key));
        ObjectRecord r = v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
        return r == null || r.deleteMarker() ? 0 : r.size();
    }

    @Override
    public ObjectInfo headObject(String bucket, String key, String versionId) throws StorageException {
        BucketRecord b = bucketRecord(bucket);
        return versions.find(b, key, versionId).toInfo(bucket, key);
    }

    @Override
    public ObjectData openObject(String bucket, String key, String versionId, byte[] customerKey)
            throws StorageException, IOException {
        BucketRecord b = bucketRecord(bucket);
        ReadPins.Pin pin = null;
        try {
            for (int attempt = 0; ; attempt++) {
                ObjectRecord r = versions.find(b, key, versionId);
                if (r.extents().size() > 1 && pin == null) {
                    // Later parts are opened lazily: pin first, then read the record again under the pin.
                    pin = collector.pins().pin();
                    continue;
                }
                ObjectInfo info = r.toInfo(bucket, key);
                try {
                    byte[] dataKey = keys.resolve(r.sealedKey(), customerKey);
                    if (!r.extents().isEmpty() && r.extents().get(0).inline()) {
                        byte[] data = inline.read(info, r.extents().get(0));
                        if (data != null) {
                            closeQuietly(pin);
                            return StoredObjectData.inline(info, data, r.extents().get(0), dataKey, blobs.events());
                        }
                    } else {
                        ObjectData opened = StoredObjectData.files(info, r.extents(), blobs, dataKey, pin);
                        pin = null;
                        return opened;
                    }
                } catch (NoSuchFileException e) {
                    // Replaced and collected between reading the record and opening its data: read again.
                }
                if (attempt == READ_RETRIES) {
                    throw new IOException("object data kept disappearing while opening " + bucket + "/" + key);
                }
            }
        } finally {
            closeQuietly(pin);
        }
    }

    private static void closeQuietly(ReadPins.Pin pin) {
        if (pin != null) {
            pin.close();
        }
    }

    @Override
    public DeleteOutcome deleteObject(String bucket, String key, String versionId, boolean bypassGovernance)
            throws StorageException, IOException {
        if (versionId != null && !VersionIds.isValid(versionId)) {
            throw new StorageException(StorageError.INVALID_ARGUMENT, "Invalid version id specified");
        }
        return committer.commit(deletion(Keys.utf8(bucket), key, versionId, bypassGovernance));
    }

    private Committer.Mutation<DeleteOutcome> deletion(byte[] bucketKey, String key, String versionId,
                                                       boolean bypassGovernance) {
        return txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, bucketKey);
            return versionId == null ? writes.deleteCurrent(txn, b, key)
                    : writes.deleteVersion(txn, b, key, versionId, bypassGovernance);
        };
    }

    @Override
    public List<DeleteTarget.Result> deleteObjects(String bucket, List<DeleteTarget> targets)
            throws StorageException, IOException {
        bucketRecord(bucket);
        byte[] bk = Keys.utf8(bucket);
        DeleteTarget.Result[] results = new DeleteTarget.Result[targets.size()];
        List<Committer.Mutation<DeleteOutcome>> mutations = new ArrayList<>(targets.size());
        List<Integer> queued = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            DeleteTarget t = targets.get(i);
            if (t.versionId() != null && !VersionIds.isValid(t.versionId())) {
                results[i] = new DeleteTarget.Result(null,
                        new StorageException(StorageError.INVALID_ARGUMENT, "Invalid version id specified"));
            } else {
                mutations.add(deletion(bk, t.key(), t.versionId(), t.bypassGovernance()));
                queued.add(i);
            }
        }
        List<Committer.Outcome<DeleteOutcome>> outcomes = committer.commitAll(mutations);
        for (int j = 0; j < outcomes.size(); j++) {
            Committer.Outcome<DeleteOutcome> o = outcomes.get(j);
            results[queued.get(j)] = new DeleteTarget.Result(o.value(), o.error());
        }
        return List.of(results);
    }

    @Override
    public List<DeleteTarget.Result> expire(String bucket, List<LifecycleDeletion> deletions)
            throws StorageException, IOException {
        bucketRecord(bucket);
        byte[] bk = Keys.utf8(bucket);
        List<Committer.Mutation<DeleteOutcome>> mutations = new ArrayList<>(deletions.size());
        for (LifecycleDeletion d : deletions) {
            mutations.add(expirer.mutation(bk, d));
        }
        List<DeleteTarget.Result> results = new ArrayList<>(deletions.size());
        for (Committer.Outcome<DeleteOutcome> o : committer.commitAll(mutations)) {
            results.add(new DeleteTarget.Result(o.value(), o.error()));
        }
        return results;
    }

    @Override
    public ObjectInfo updateVersionMetadata(String bucket, String key, String versionId, MetadataChange change)
            throws StorageException, IOException {
        if (versionId != null && !VersionIds.isValid(versionId)) {
            throw new StorageException(StorageError.INVALID_ARGUMENT, "Invalid version id specified");
        }
        byte[] bk = Keys.utf8(bucket);
        return committer.commit(txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, bk);
            byte[] rk = Keys.objectKey(b.id(), key);
            byte[] cur = txn.get(MetaDb.Cf.OBJECTS, rk);
            ObjectRecord current = cur == null ? null : RecordCodec.decode(cur, ObjectRecord.class);
            MetaDb.Cf cf = MetaDb.Cf.OBJECTS;
            byte[] where = rk;
            ObjectRecord target = current;
            if (versionId != null && (current == null || !current.versionId().equals(versionId))) {
                cf = MetaDb.Cf.VERSIONS;
                where = writes.findNoncurrent(txn, b, key, versionId);
                target = where == null ? null : RecordCodec.decode(txn.get(cf, where), ObjectRecord.class);
                if (target == null) {
                    throw new StorageException(StorageError.NO_SUCH_VERSION, "The specified version does not exist.");
                }
            }
            if (target == null || target.deleteMarker()) {
                throw new StorageException(versionId == null ? StorageError.NO_SUCH_KEY : StorageError.METHOD_NOT_ALLOWED,
                        versionId == null ? "The specified key does not exist."
                                : "The specified method is not allowed against this resource.");
            }
            ObjectRecord updated = target.withMetadata(change.apply(b.toInfo(), target.metadata()));
            txn.put(cf, where, RecordCodec.encode(updated));
            return updated.toInfo(bucket, key);
        });
    }

    @Override
    public VersionsPage listObjectVersions(ListVersionsQuery query) throws StorageException {
        return versionLister.list(bucketRecord(query.bucket()), query);
    }

    @Override
    public ListPage listObjects(ListQuery query) throws StorageException {
        return lister.list(bucketRecord(query.bucket()), query);
    }

    // ---- multipart and copy ----

    @Override
    public MultipartUpload createMultipartUpload(String bucket, String key, ObjectMetadata metadata,
                                                 ChecksumAlgorithm checksumAlgorithm, boolean fullObjectChecksum,
                                                 SseRequest serverSideEncryption, byte[] customerKey)
            throws StorageException, IOException {
        CustomerKeys.WriteKey k = keys.forWrite(bucketRecord(bucket), serverSideEncryption, customerKey);
        String sealed = k == null ? null : k.slot();
        return multipart.create(bucket, key, metadata, checksumAlgorithm, fullObjectChecksum, sealed);
    }

    @Override
    public PartInfo uploadPart(UploadPartInput input, InputStream body) throws StorageException, IOException {
        return multipart.uploadPart(input, body);
    }

    @Override
    public PartInfo uploadPartCopy(UploadPartCopyInput input) throws StorageException, IOException {
        return copier.uploadPartCopy(input);
    }

    @Override
    public ObjectInfo completeMultipartUpload(CompleteUploadInput input) throws StorageException, IOException {
        return multipart.complete(input);
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) throws StorageException, IOException {
        multipart.abort(bucket, key, uploadId);
    }

    @Override
    public PartsPage listParts(String bucket, String key, String uploadId, int afterPart, int maxParts)
            throws StorageException {
        return multipart.listParts(bucket, key, uploadId, afterPart, maxParts);
    }

    @Override
    public UploadsPage listMultipartUploads(ListUploadsQuery query) throws StorageException {
        return uploadLister.list(bucketRecord(query.bucket()), query);
    }

    @Override
    public ObjectInfo copyObject(CopyObjectInput input) throws StorageException, IOException {
        return copier.copyObject(input);
    }

    private volatile boolean open = true;

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String writeProblem() {
        return db.writeProblem();
    }

    /** The metadata engine's sizes and background work, for metrics. */
    public EngineStats engineStats() {
        return db.stats();
    }

    @Override
    public void close() {
        open = false;
        committer.close();
        collector.close();
        db.close();
    }
}
