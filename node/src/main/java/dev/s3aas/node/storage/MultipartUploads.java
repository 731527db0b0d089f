package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.checksum.Hex;
import dev.s3aas.common.checksum.MultipartChecksums;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * Multipart uploads. Parts are blob files written and committed like PutObject data (tmp/ → fsync → commit
 * → publish), recorded in the {@code parts} column family. Completing creates an object whose extents
 * <em>are</em> the listed parts' blobs: no byte is copied. Parts not listed, and replaced part uploads, are
 * released to the garbage collector in the same commit.
 */
final class MultipartUploads {
    static final int MAX_PARTS = 10_000;
    static final long MIN_PART_SIZE = 5L << 20;

    private final MetaDb db;
    private final BlobStore blobs;
    private final Committer committer;
    private final ObjectWrites writes;
    private final DataKeys keys;

    MultipartUploads(MetaDb db, BlobStore blobs, Committer committer, ObjectWrites writes, DataKeys keys) {
        this.db = db;
        this.keys = keys;
        this.blobs = blobs;
        this.committer = committer;
        this.writes = writes;
    }

    /** @param sealedKey the object's sealed data key if it is to be stored encrypted, else null */
    MultipartUpload create(String bucket, String key, ObjectMetadata metadata, ChecksumAlgorithm algorithm,
                           boolean fullObject, String sealedKey) throws StorageException, IOException {
        return committer.commit(txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, Keys.utf8(bucket));
            long now = writes.now();
            UploadRecord u = new UploadRecord(UploadRecord.FORMAT, UploadIds.newId(now), key, now, metadata,
                    algorithm, fullObject, sealedKey);
            txn.put(MetaDb.Cf.UPLOADS, Keys.uploadKey(b.id(), key, u.uploadId()), RecordCodec.encode(u));
            return u.toUpload(bucket);
        });
    }

    PartInfo uploadPart(UploadPartInput in, InputStream body) throws StorageException, IOException {
        BucketRecord bucket = db.bucketRecord(in.bucket());
        UploadRecord upload = upload(bucket, in.key(), in.uploadId());
        checkPartNumber(in.partNumber());
        if (upload.checksumAlgorithm() != null && in.checksumAlgorithm() != null
                && upload.checksumAlgorithm() != in.checksumAlgorithm()) {
            throw new StorageException(StorageError.INVALID_REQUEST, "Checksum Type mismatch occurred, expected checksum "
                    + "Type: " + upload.checksumAlgorithm().name().toLowerCase() + ", actual checksum Type: "
                    + in.checksumAlgorithm().name().toLowerCase());
        }
        byte[] earlier = db.get(MetaDb.Cf.PARTS, Keys.partKey(in.uploadId(), in.partNumber()));
        writes.checkQuota(bucket, in.contentLength(),
                earlier == null ? 0 : RecordCodec.decode(earlier, PartRecord.class).size());
        ChecksumAlgorithm algorithm = upload.checksumAlgorithm() != null ? upload.checksumAlgorithm() : in.checksumAlgorithm();
        DataSink.Received data = DataSink.receiveToFile(blobs, body, in.contentLength(), ObjectStore.MAX_UPLOAD_SIZE, algorithm,
                dataKey(upload, in.customerKey()));
        try {
            DataSink.verify(in.contentMd5(), algorithm, in.expectedChecksum().get(), data);
            PartRecord part = new PartRecord(PartRecord.FORMAT, in.partNumber(), data.size(), data.etag(),
                    writes.now(), data.blobId(), data.checksum(), data.salt(), data.blockCrcShift());
            return commitPart(in.bucket(), in.key(), in.uploadId(), part);
        } catch (StorageException | IOException | RuntimeException e) {
            blobs.delete(data.blobId());
            throw e;
        }
    }

    /** Records a part whose data is durable in tmp/, replacing (and releasing) an earlier upload of that number. */
    PartInfo commitPart(String bucket, String key, String uploadId, PartRecord part) throws StorageException, IOException {
        return committer.commit(txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, Keys.utf8(bucket));
            if (txn.get(MetaDb.Cf.UPLOADS, Keys.uploadKey(b.id(), key, uploadId)) == null) {
                throw noSuchUpload();
            }
            byte[] pk = Keys.partKey(uploadId, part.partNumber());
            byte[] old = txn.get(MetaDb.Cf.PARTS, pk);
            long replaced = 0;
            if (old != null) {
                PartRecord oldPart = RecordCodec.decode(old, PartRecord.class);
                writes.releaseBlob(txn, oldPart.blobId());
                replaced = oldPart.size();
            }
            // Parts occupy storage until completed or aborted, so they count towards usage and the quota (the
            // check before the upload was only an early refusal; this one is binding).
            writes.chargeQuota(txn, b, part.size() - replaced);
            txn.put(MetaDb.Cf.PARTS, pk, RecordCodec.encode(part));
            writes.referenceBlob(txn, part.blobId());
            return part.toInfo();
        });
    }

    ObjectInfo complete(CompleteUploadInput in) throws StorageException, IOException {
        if (in.parts().isEmpty()) {
            throw new StorageException(StorageError.INVALID_REQUEST, "You must specify at least one part");
        }
        return committer.commit(txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, Keys.utf8(in.bucket()));
            byte[] uk = Keys.uploadKey(b.id(), in.key(), in.uploadId());
            byte[] ub = txn.get(MetaDb.Cf.UPLOADS, uk);
            if (ub == null) {
                return alreadyCompleted(txn, b, in);
            }
            UploadRecord upload = RecordCodec.decode(ub, UploadRecord.class);
            List<PartRecord> parts = listedParts(txn, in);
            ObjectRecord record = assemble(upload, parts);
            checkObjectChecksum(in.expectedChecksum(), record.checksum());
            // The parts' bytes leave usage before the object's enter it, so completing never trips the quota.
            writes.addUsage(txn, b.id(), -releaseUnlisted(txn, in.uploadId(), parts), 0);
            ObjectRecord written = writes.writeCurrent(txn, in.bucket(), in.key(), in.condition(), record, null,
                    ObjectWrites.Data.REFERENCED);
            txn.delete(MetaDb.Cf.UPLOADS, uk);
            return written.toInfo(in.bucket(), in.key());
        });
    }

    /**
     * A retried completion (SDKs retry it after a lost response) finds its upload gone. S3 answers it with the
     * same result, so we do too when the key's current version is this upload's object: made of exactly the
     * listed parts (their ETags, in order) and written after the upload began (its id carries that moment).
     * Anything else — an overwrite since, an aborted upload, an unknown id — stays NoSuchUpload.
     */
    private static ObjectInfo alreadyCompleted(Txn txn, BucketRecord b, CompleteUploadInput in)
            throws StorageException {
        byte[] v = UploadIds.isValid(in.uploadId()) ? txn.get(MetaDb.Cf.OBJECTS, Keys.objectKey(b.id(), in.key())) : null;
        ObjectRecord current = v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
        if (current == null || current.deleteMarker() || current.partsCount() != in.parts().size()
                || current.lastModifiedMillis() < UploadIds.createdMillis(in.uploadId())) {
            throw noSuchUpload();
        }
        for (int i = 0; i < in.parts().size(); i++) {
            if (!in.parts().get(i).etag().equals(current.extents().get(i).etag())) {
                throw noSuchUpload();
            }
        }
        return current.toInfo(in.bucket(), in.key());
    }

    /** Checks the client's list against the stored parts: order, ETags, checksums, minimum sizes. */
    private static List<PartRecord> listedParts(Txn txn, CompleteUploadInput in) throws StorageException {
        List<PartRecord> parts = new ArrayList<>(in.parts().size());
        int previous = 0;
        for (int i = 0; i < in.parts().size(); i++) {
            CompleteUploadInput.Part listed = in.parts().get(i);
            if (listed.partNumber() <= previous) {
                throw new StorageException(StorageError.INVALID_PART_ORDER,
                        "The list of parts was not in ascending order. Parts must be ordered by part number.");
            }
            previous = listed.partNumber();
            byte[] v = txn.get(MetaDb.Cf.PARTS, Keys.partKey(in.uploadId(), listed.partNumber()));
            PartRecord part = v == null ? null : RecordCodec.decode(v, PartRecord.class);
            if (part == null || !part.etag().equals(listed.etag())
                    || (listed.checksum() != null && !listed.checksum().equals(part.checksum()))) {
                throw new StorageException(StorageError.INVALID_PART, "One or more of the specified parts could not be "
                        + "found. The part may not have been uploaded, or the specified entity tag may not match the "
                        + "part's entity tag. (part " + listed.partNumber() + ")");
            }
            if (i < in.parts().size() - 1 && part.size() < MIN_PART_SIZE) {
                throw new StorageException(StorageError.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the "
                        + "minimum allowed object size. Each part must be at least 5 MB in size, except the last part.");
            }
            parts.add(part);
        }
        return parts;
    }

    /** The object made of the parts: ETag = MD5 of the parts' binary MD5s + "-N"; checksum per upload type. */
    private ObjectRecord assemble(UploadRecord upload, List<PartRecord> parts) throws StorageException {
        MessageDigest md5 = Digests.md5();
        List<Extent> extents = new ArrayList<>(parts.size());
        long size = 0;
        for (PartRecord p : parts) {
            md5.update(Hex.decode(p.etag()));
            extents.add(new Extent(p.blobId(), p.size(), false, p.etag(), p.checksum(), p.salt(),
                    p.blockCrcShift(), null));
            size += p.size();
        }
        String etag = Hex.encode(md5.digest()) + "-" + parts.size();
        return new ObjectRecord(ObjectRecord.FORMAT, VersionIds.NULL, false, size, etag, writes.now(),
                upload.metadata(), checksum(upload, parts), extents, parts.size(), upload.sealedKey());
    }

    private static Checksum checksum(UploadRecord upload, List<PartRecord> parts) throws StorageException {
        ChecksumAlgorithm a = upload.checksumAlgorithm();
        if (a == null) {
            return null;
        }
        List<byte[]> raw = new ArrayList<>(parts.size());
        List<MultipartChecksums.Part> withLengths = new ArrayList<>(parts.size());
        for (PartRecord p : parts) {
            if (p.checksum() == null) {
                throw new StorageException(StorageError.INVALID_REQUEST, "Part " + p.partNumber() + " has no "
                        + a.name() + " checksum, but the upload was created with that checksum algorithm.");
            }
            byte[] c = Base64.getDecoder().decode(p.checksum());
            raw.add(c);
            withLengths.add(new MultipartChecksums.Part(c, p.size()));
        }
        if (upload.fullObjectChecksum()) {
            return new Checksum(a, Base64.getEncoder().encodeToString(MultipartChecksums.fullObject(a, withLengths)), false);
        }
        return new Checksum(a, MultipartChecksums.composite(a, raw), true);
    }

    /**
     * A client may send the checksum it expects for the whole object with the completion (minio-go sends the
     * composite CRC32C without the "-N" suffix). It is compared when the upload has that algorithm.
     */
    private static void checkObjectChecksum(CompleteUploadInput.ExpectedChecksum expected, Checksum actual)
            throws StorageException {
        if (expected == null || actual == null || expected.algorithm() != actual.algorithm()) {
            return;
        }
        if (!stripPartCount(expected.value()).equals(stripPartCount(actual.value()))) {
            throw new StorageException(StorageError.BAD_DIGEST, "The " + actual.algorithm().name()
                    + " you specified for the object did not match the calculated checksum.");
        }
    }

    private static String stripPartCount(String v) {
        int dash = v.lastIndexOf('-');
        return dash > 0 ? v.substring(0, dash) : v;
    }

    /** Drops the part records, releasing parts not listed; returns the bytes all parts held. */
    private long releaseUnlisted(Txn txn, String uploadId, List<PartRecord> listed) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        listed.forEach(p -> used.add(p.partNumber()));
        long[] held = {0};
        forEachPart(txn, uploadId, (key, part) -> {
            if (!used.contains(part.partNumber())) {
                writes.releaseBlob(txn, part.blobId());
            }
            held[0] += part.size();
            txn.delete(MetaDb.Cf.PARTS, key);
        });
        return held[0];
    }

    void abort(String bucket, String key, String uploadId) throws StorageException, IOException {
        committer.commit(txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, Keys.utf8(bucket));
            byte[] uk = Keys.uploadKey(b.id(), key, uploadId);
            if (txn.get(MetaDb.Cf.UPLOADS, uk) == null) {
                throw noSuchUpload();
            }
            abortIn(txn, b.id(), uk, uploadId);
            return null;
        });
    }

    /** Inside a commit: drops an upload and all its parts (their blobs go to the collector). */
    void abortIn(Txn txn, long bucketId, byte[] uploadKey, String uploadId) {
        long[] held = {0};
        forEachPart(txn, uploadId, (key, part) -> {
            writes.releaseBlob(txn, part.blobId());
            held[0] += part.size();
            txn.delete(MetaDb.Cf.PARTS, key);
        });
        writes.addUsage(txn, bucketId, -held[0], 0);
        txn.delete(MetaDb.Cf.UPLOADS, uploadKey);
    }

    /** Inside a commit: aborts every upload of a bucket (DeleteBucket). */
    void abortAllIn(Txn txn, long bucketId) {
        for (byte[] k : txn.scan(MetaDb.Cf.UPLOADS, Keys.bucketPrefix(bucketId), Integer.MAX_VALUE).keySet()) {
            String uploadId = new String(k, k.length - UploadIds.LENGTH, UploadIds.LENGTH,
                    java.nio.charset.StandardCharsets.US_ASCII);
            abortIn(txn, bucketId, k, uploadId);
        }
    }

    PartsPage listParts(String bucket, String key, String uploadId, int afterPart, int maxParts) throws StorageException {
        BucketRecord b = db.bucketRecord(bucket);
        UploadRecord upload = upload(b, key, uploadId);
        List<PartInfo> parts = new ArrayList<>();
        boolean truncated = false;
        byte[] prefix = Keys.partPrefix(uploadId);
        try (RocksIterator it = db.iterator(MetaDb.Cf.PARTS)) {
            for (it.seek(Keys.partKey(uploadId, afterPart + 1)); it.isValid() && Keys.startsWith(it.key(), prefix);
                 it.next()) {
                if (parts.size() == maxParts) {
                    truncated = true;
                    break;
                }
                parts.add(RecordCodec.decode(it.value(), PartRecord.class).toInfo());
            }
        }
        int next = parts.isEmpty() ? 0 : parts.get(parts.size() - 1).partNumber();
        return new PartsPage(upload.toUpload(bucket), parts, truncated, next);
    }

    MultipartUpload describe(String bucket, String key, String uploadId) throws StorageException {
        return upload(db.bucketRecord(bucket), key, uploadId).toUpload(bucket);
    }

    /** The upload's data key, if its parts are stored encrypted. */
    byte[] dataKey(String bucket, String key, String uploadId, byte[] customerKey) throws StorageException, IOException {
        return dataKey(upload(db.bucketRecord(bucket), key, uploadId), customerKey);
    }

    /** With SSE-C, each part must come with the upload's customer key (checked against its verifier). */
    private byte[] dataKey(UploadRecord u, byte[] customerKey) throws StorageException, IOException {
        return keys.resolve(u.sealedKey(), customerKey);
    }

    private UploadRecord upload(BucketRecord b, String key, String uploadId) throws StorageException {
        if (!UploadIds.isValid(uploadId)) {
            throw noSuchUpload();
        }
        byte[] v = db.get(MetaDb.Cf.UPLOADS, Keys.uploadKey(b.id(), key, uploadId));
        if (v == null) {
            throw noSuchUpload();
        }
        return RecordCodec.decode(v, UploadRecord.class);
    }

    private static void forEachPart(Txn txn, String uploadId, PartVisitor visitor) {
        for (var e : txn.scan(MetaDb.Cf.PARTS, Keys.partPrefix(uploadId), MAX_PARTS + 1).entrySet()) {
            visitor.visit(e.getKey(), RecordCodec.decode(e.getValue(), PartRecord.class));
        }
    }

    @FunctionalInterface
    private interface PartVisitor {
        void visit(byte[] key, PartRecord part);
    }

    static void checkPartNumber(int n) throws StorageException {
        if (n < 1 || n > MAX_PARTS) {
            throw new StorageException(StorageError.INVALID_ARGUMENT,
                    "Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    static StorageException noSuchUpload() {
        return new StorageException(StorageError.NO_SUCH_UPLOAD, "The specified multipart upload does not exist. "
                + "The upload ID may be invalid, or the upload may have been aborted or completed.");
    }
}
