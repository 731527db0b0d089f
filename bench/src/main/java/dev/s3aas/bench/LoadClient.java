package dev.s3aas.bench;

/**
 * What one benchmark worker does against one participant: the S3 clients (lean and SDK) and the raw-disk
 * baseline all implement it. One instance per worker; implementations need not be thread-safe.
 */
interface LoadClient extends AutoCloseable {
    /** Stores {@code payload} under {@code key}; returns only once the participant acknowledged it. */
    void put(String key, Payload payload) throws Exception;

    /** Stores {@code payload} as a multipart upload with parts of {@code partSize} (the last may be shorter). */
    void putMultipart(String key, Payload payload, long partSize) throws Exception;

    /**
     * Reads {@code key}, checks its length against {@code expected} always and, with {@code verifyBytes}, every
     * byte of it. A mismatch is a {@link BenchFailure}.
     */
    void get(String key, Payload expected, boolean verifyBytes) throws Exception;

    @Override
    void close();
}
