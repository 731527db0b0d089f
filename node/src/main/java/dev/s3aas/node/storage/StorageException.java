package dev.s3aas.node.storage;

/** A failure of a storage operation that the client caused or can observe (not an I/O fault). */
public final class StorageException extends Exception {
    private final StorageError error;

    public StorageException(StorageError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public StorageError error() {
        return error;
    }
}
