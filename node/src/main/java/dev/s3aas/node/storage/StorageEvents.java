package dev.s3aas.node.storage;

/**
 * What the storage engine reports about its durable writes, for metrics. Called on the writing threads (the
 * committer for groups, the request's thread for blobs), so implementations must be cheap and must not block.
 * Storage stays free of any metrics library: the node wires an implementation in.
 */
public interface StorageEvents {
    /** No one is listening. */
    StorageEvents NONE = new StorageEvents() {
        @Override
        public void groupCommitted(int mutations, long syncNanos) {}

        @Override
        public void blobSynced(long syncNanos) {}
    };

    /** A group commit made {@code mutations} mutations durable with one WAL write + fsync taking {@code syncNanos}. */
    void groupCommitted(int mutations, long syncNanos);

    /** A blob file's data and directory entry were synced, taking {@code syncNanos}. */
    void blobSynced(long syncNanos);
}
