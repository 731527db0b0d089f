package dev.s3aas.node.storage;

/**
 * The closed set of failures the storage layer reports. The protocol layer maps each one to exactly one
 * S3 error code (see {@code dev.s3aas.node.http.ErrorMapper}); storage itself knows nothing about HTTP.
 */
public enum StorageError {
    NO_SUCH_BUCKET,
    NO_SUCH_KEY,
    NO_SUCH_VERSION,
    BUCKET_ALREADY_OWNED,
    BUCKET_NOT_EMPTY,
    PRECONDITION_FAILED,
    NO_SUCH_UPLOAD,
    INVALID_PART,
    INVALID_PART_ORDER,
    ENTITY_TOO_SMALL,
    QUOTA_EXCEEDED,
    BAD_DIGEST,
    INCOMPLETE_BODY,
    ENTITY_TOO_LARGE,
    INVALID_ARGUMENT,
    INVALID_REQUEST,
    METHOD_NOT_ALLOWED,
    OBJECT_LOCKED,
    INVALID_BUCKET_STATE,
    /** An SSE-C object read or written with another key than the one it was stored with. */
    CUSTOMER_KEY_MISMATCH,
    /** SSE-KMS with a key id the node's key ring does not have. */
    KMS_KEY_NOT_FOUND,
    /**
     * The data file system is full (ENOSPC from a blob write or a RocksDB commit) or below the free-space
     * reserve data writes leave for metadata commits and deletes. See {@link DiskSpace}.
     */
    INSUFFICIENT_STORAGE
}
