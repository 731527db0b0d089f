package dev.s3aas.node.storage;

/**
 * A failure of a storage operation that the client caused or can observe (not an I/O fault).
 * {@code deleteMarkerVersionId} is set when the failure is that the addressed version is a delete marker
 * (S3 then tells the client so in {@code x-amz-delete-marker} / {@code x-amz-version-id}).
 */
public final class StorageException extends Exception {
    private final StorageError error;
    private final String deleteMarkerVersionId;

    public StorageException(StorageError error, String message) {
        this(error, message, null);
    }

    public StorageException(StorageError error, String message, String deleteMarkerVersionId) {
        super(message, null, false, false);
        this.error = error;
        this.deleteMarkerVersionId = deleteMarkerVersionId;
    }

    public StorageError error() {
        return error;
    }

    public String deleteMarkerVersionId() {
        return deleteMarkerVersionId;
    }
}
