package dev.s3aas.node.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The one seam between the S3 protocol layer and storage. Inputs are per-operation records; failures the
 * client caused are {@link StorageException}s, faults of the machine are {@link IOException}s. Every
 * mutating call returns only after its effect is durable (see {@code docs/architecture.md}, "write protocol").
 */
public interface ObjectStore extends AutoCloseable {
    /**
     * S3's limit on one upload: a PutObject body, an UploadPart body, and a copy source (CopyObject,
     * UploadPartCopy). Larger objects are made with multipart uploads.
     */
    long MAX_UPLOAD_SIZE = 5L << 30;


    BucketInfo createBucket(String name, String region, boolean objectLock) throws StorageException, IOException;

    BucketInfo bucket(String name) throws StorageException;

    List<BucketInfo> listBuckets();

    /** Fails with BUCKET_NOT_EMPTY if any object remains; in-progress multipart uploads are aborted. */
    void deleteBucket(String name) throws StorageException, IOException;

    BucketInfo updateBucketConfig(String name, ConfigChange change) throws StorageException, IOException;

    /**
     * A change to a bucket's configuration, applied inside the commit: it sees the configuration as it is at
     * that instant and may refuse (e.g. suspending versioning on a locked bucket), so check-then-set races
     * between two configuration requests cannot combine into a forbidden state.
     */
    @FunctionalInterface
    interface ConfigChange {
        BucketConfig apply(BucketConfig current) throws StorageException;
    }

    /** Bytes and objects currently stored in a bucket (what quotas count). */
    BucketUsage usage(String bucket) throws StorageException;

    /**
     * Streams {@code body} to stable storage, verifies the digests in {@code input}, then atomically makes it
     * the current version of the key. The body is consumed to EOF; an exception from it aborts the write.
     */
    ObjectInfo putObject(PutObjectInput input, InputStream body) throws StorageException, IOException;

    /** @param versionId a specific version, or null for the current one */
    ObjectInfo headObject(String bucket, String key, String versionId) throws StorageException;

    default ObjectInfo headObject(String bucket, String key) throws StorageException {
        return headObject(bucket, key, null);
    }

    /** @param versionId a specific version, or null for the current one */
    /** @param customerKey the SSE-C key the version was written with, or null (an SSE-C version then fails) */
    ObjectData openObject(String bucket, String key, String versionId, byte[] customerKey)
            throws StorageException, IOException;

    default ObjectData openObject(String bucket, String key, String versionId) throws StorageException, IOException {
        return openObject(bucket, key, versionId, null);
    }

    default ObjectData openObject(String bucket, String key) throws StorageException, IOException {
        return openObject(bucket, key, null);
    }

    /**
     * Without a version id: deletes the key, or in a versioned bucket adds a delete marker. With one: removes
     * that version for good. Deleting something missing succeeds (S3 semantics).
     */
    DeleteOutcome deleteObject(String bucket, String key, String versionId, boolean bypassGovernance)
            throws StorageException, IOException;

    /**
     * Deletes several keys, each atomically on its own as {@link #deleteObject} would, sharing commits.
     * Results are in the order of {@code targets}.
     */
    java.util.List<DeleteTarget.Result> deleteObjects(String bucket, java.util.List<DeleteTarget> targets)
            throws StorageException, IOException;

    /**
     * Lifecycle expirations, each applied only if what it was decided on still holds at commit time, through the
     * paths DeleteObject takes (usage, quotas and blob collection stay exact), with Object Lock enforced and no
     * governance bypass. Results are in the order of {@code deletions}; {@code existed = false} where the premise
     * no longer held, an error where storage refused (a retained version: OBJECT_LOCKED).
     */
    java.util.List<DeleteTarget.Result> expire(String bucket, java.util.List<LifecycleDeletion> deletions)
            throws StorageException, IOException;

    default DeleteOutcome deleteObject(String bucket, String key, String versionId) throws StorageException, IOException {
        return deleteObject(bucket, key, versionId, false);
    }

    default DeleteOutcome deleteObject(String bucket, String key) throws StorageException, IOException {
        return deleteObject(bucket, key, null, false);
    }

    /**
     * Changes a version's metadata in place (same version id, same Last-Modified): tags, retention, legal hold.
     * The change sees the bucket and the current metadata and may refuse by throwing.
     */
    ObjectInfo updateVersionMetadata(String bucket, String key, String versionId, MetadataChange change)
            throws StorageException, IOException;

    @FunctionalInterface
    interface MetadataChange {
        ObjectMetadata apply(BucketInfo bucket, ObjectMetadata current) throws StorageException;
    }

    VersionsPage listObjectVersions(ListVersionsQuery query) throws StorageException;

    ListPage listObjects(ListQuery query) throws StorageException;

    // ---- multipart uploads ----

    /** @param serverSideEncryption "AES256" to store the object encrypted (SSE-S3), or null for the bucket default */
    MultipartUpload createMultipartUpload(String bucket, String key, ObjectMetadata metadata,
                                          dev.s3aas.common.checksum.ChecksumAlgorithm checksumAlgorithm,
                                          boolean fullObjectChecksum, SseRequest serverSideEncryption,
                                          byte[] customerKey)
            throws StorageException, IOException;

    PartInfo uploadPart(UploadPartInput input, InputStream body) throws StorageException, IOException;

    PartInfo uploadPartCopy(UploadPartCopyInput input) throws StorageException, IOException;

    /** Assembles the listed parts into the current version without copying bytes. */
    ObjectInfo completeMultipartUpload(CompleteUploadInput input) throws StorageException, IOException;

    void abortMultipartUpload(String bucket, String key, String uploadId) throws StorageException, IOException;

    /** Parts with number greater than {@code afterPart}, at most {@code maxParts}. */
    PartsPage listParts(String bucket, String key, String uploadId, int afterPart, int maxParts) throws StorageException;

    UploadsPage listMultipartUploads(ListUploadsQuery query) throws StorageException;

    // ---- copy ----

    ObjectInfo copyObject(CopyObjectInput input) throws StorageException, IOException;

    /** False once the store is closing: it takes no more requests (readiness). */
    boolean isOpen();

    /** Null while the store takes writes, else why not (readiness): e.g. RocksDB stopped after a full disk. */
    String writeProblem();

    /** The node's SSE-KMS key ring. */
    KmsKeyRing kmsKeys();

    @Override
    void close();
}
