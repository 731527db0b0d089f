package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.io.IOException;
import java.util.List;

/**
 * CopyObject and UploadPartCopy. The source is opened (pinned) first, its preconditions checked on that
 * version, then its bytes stream into new data — never more than one buffer in memory, whatever the size.
 * A copy of an object onto itself that only changes metadata shares the existing blobs instead of copying.
 */
final class ObjectCopier {

    private final RocksObjectStore store;
    private final BlobStore blobs;
    private final Committer committer;
    private final ObjectWrites writes;
    private final MultipartUploads multipart;

    ObjectCopier(RocksObjectStore store, BlobStore blobs, Committer committer, ObjectWrites writes,
                 MultipartUploads multipart) {
        this.store = store;
        this.blobs = blobs;
        this.committer = committer;
        this.writes = writes;
        this.multipart = multipart;
    }

    ObjectInfo copyObject(CopyObjectInput in) throws StorageException, IOException {
        try (ObjectData src = store.openObject(in.source().bucket(), in.source().key(), in.source().versionId(),
                in.sourceCustomerKey())) {
            ObjectInfo info = src.info();
            in.source().check().verify(info);
            if (info.size() > ObjectStore.MAX_UPLOAD_SIZE) {
                throw new StorageException(StorageError.INVALID_REQUEST, "The specified copy source is larger than the "
                        + "maximum allowable size for a copy source: " + ObjectStore.MAX_UPLOAD_SIZE);
            }
            store.bucketRecord(in.bucket());
            ObjectMetadata metadata = in.destinationMetadata(info.metadata());
            ChecksumAlgorithm algorithm = in.checksumAlgorithm() != null ? in.checksumAlgorithm()
                    : info.checksum() == null ? null : info.checksum().algorithm();
            boolean sameChecksum = info.checksum() == null ? algorithm == null
                    : algorithm == info.checksum().algorithm();
            BucketRecord target = store.bucketRecord(in.bucket());
            SseRequest sse = DataKeys.effective(target, in.serverSideEncryption());
            // Sharing blobs between two records is only safe when the old one is released, not kept as a
            // version: in a versioned bucket a self-copy copies the bytes like any other copy.
            boolean unversioned = target.config().versioning() == null;
            if (in.ontoItself() && sameChecksum && unversioned && sameEncryption(sse, info) && in.customerKey() == null) {
                return replaceMetadata(in, info, metadata);
            }
            CustomerKeys.WriteKey key = store.keys().forWrite(sse, in.customerKey());
            DataSink.Received data = DataSink.copy(blobs, src, 0, info.size(), true, algorithm,
                    key == null ? null : key.plain());
            return commitCopy(in, metadata, algorithm, data, key == null ? null : key.slot());
        }
    }

    /** Whether data stored as {@code info} already is what {@code sse} asks for (then a self-copy shares it). */
    private static boolean sameEncryption(SseRequest sse, ObjectInfo info) {
        if (sse == null) {
            return !info.encrypted();
        }
        return switch (sse.kind()) {
            case SSE_S3 -> info.encrypted() && info.kmsKeyId() == null && info.customerKeyVerifier() == null;
            case SSE_KMS -> sse.kmsKeyId().equals(info.kmsKeyId());
        };
    }

    private ObjectInfo commitCopy(CopyObjectInput in, ObjectMetadata metadata, ChecksumAlgorithm algorithm,
                                  DataSink.Received data, String sealedKey) throws StorageException, IOException {
        try {
            Checksum checksum = algorithm == null ? null : new Checksum(algorithm, data.checksum(), false);
            ObjectRecord record = new ObjectRecord(ObjectRecord.FORMAT, VersionIds.NULL, false, data.size(), data.etag(),
                    writes.now(), metadata, checksum, List.of(data.extent()), 0, sealedKey);
            return committer.commit(txn -> writes.writeCurrent(txn, in.bucket(), in.key(), in.condition(), record,
                    data.inline(), ObjectWrites.Data.FRESH)).toInfo(in.bucket(), in.key());
        } catch (StorageException | IOException | RuntimeException e) {
            if (data.blobId() != null) {
                blobs.delete(data.blobId());
            }
            throw e;
        }
    }

    /** Self-copy with new metadata: a new record over the same blobs, if the version did not change meanwhile. */
    private ObjectInfo replaceMetadata(CopyObjectInput in, ObjectInfo copied, ObjectMetadata metadata)
            throws StorageException, IOException {
        return committer.commit(txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, Keys.utf8(in.bucket()));
            byte[] v = txn.get(MetaDb.Cf.OBJECTS, Keys.objectKey(b.id(), in.key()));
            ObjectRecord current = v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
            if (b.config().versioning() != null || current == null || current.deleteMarker()
                    || !current.etag().equals(copied.etag())
                    || current.lastModifiedMillis() != copied.lastModified().toEpochMilli()) {
                throw new StorageException(StorageError.PRECONDITION_FAILED,
                        "The source object changed while it was being copied; retry.");
            }
            ObjectRecord record = new ObjectRecord(ObjectRecord.FORMAT, current.versionId(), false, current.size(),
                    current.etag(), writes.now(), metadata, current.checksum(), current.extents(),
                    current.partsCount(), current.sealedKey());
            return writes.writeCurrent(txn, in.bucket(), in.key(), in.condition(), record, null,
                    ObjectWrites.Data.REFERENCED).toInfo(in.bucket(), in.key());
        });
    }

    PartInfo uploadPartCopy(UploadPartCopyInput in) throws StorageException, IOException {
        MultipartUploads.checkPartNumber(in.partNumber());
        MultipartUpload upload = multipart.describe(in.bucket(), in.key(), in.uploadId());
        try (ObjectData src = store.openObject(in.source().bucket(), in.source().key(), in.source().versionId(),
                in.sourceCustomerKey())) {
            ObjectInfo info = src.info();
            in.source().check().verify(info);
            long first = in.first() < 0 ? 0 : in.first();
            long last = in.first() < 0 ? info.size() - 1 : in.last();
            if (in.first() >= 0 && (first > last || last >= info.size())) {
                throw new StorageException(StorageError.INVALID_ARGUMENT, "Range specified is not valid for source "
                        + "object of size: " + info.size());
            }
            long length = last - first + 1;
            if (length > ObjectStore.MAX_UPLOAD_SIZE) {
                throw new StorageException(StorageError.INVALID_REQUEST, "The specified copy source is larger than the "
                        + "maximum allowable size for a copy source: " + ObjectStore.MAX_UPLOAD_SIZE);
            }
            DataSink.Received data = DataSink.copy(blobs, src, first, length, false, upload.checksumAlgorithm(),
                    multipart.dataKey(in.bucket(), in.key(), in.uploadId(), in.customerKey()));
            PartRecord part = new PartRecord(PartRecord.FORMAT, in.partNumber(), data.size(), data.etag(),
                    writes.now(), data.blobId(), data.checksum(), data.salt(), data.blockCrcShift());
            try {
                return multipart.commitPart(in.bucket(), in.key(), in.uploadId(), part);
            } catch (StorageException | IOException | RuntimeException e) {
                blobs.delete(data.blobId());
                throw e;
            }
        }
    }
}
