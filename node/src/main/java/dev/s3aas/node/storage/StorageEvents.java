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

        @Override
        public void integrityError(IntegritySource source) {}

        @Override
        public void scrubbed(long bytes, int objects) {}
    };

    /** Who found damaged data: a client's read (or a copy's source read) or the background scrubber. */
    enum IntegritySource { READ, SCRUB }

    /** A group commit made {@code mutations} mutations durable with one WAL write + fsync taking {@code syncNanos}. */
    void groupCommitted(int mutations, long syncNanos);

    /** A blob file's data and directory entry were synced, taking {@code syncNanos}. */
    void blobSynced(long syncNanos);

    /** Stored data failed its checksum (one call per damaged object found). */
    void integrityError(IntegritySource source);

    /** The scrubber verified {@code bytes} more stored bytes and finished {@code objects} more objects. */
    void scrubbed(long bytes, int objects);
}
