package dev.s3aas.node.storage;

/**
 * Exact usage of a bucket, maintained in the same atomic commit as every write that changes it: bytes of every
 * stored version (current and noncurrent; what quotas count), and the number of stored versions including
 * delete markers.
 */
public record BucketUsage(long bytes, long objects) {
    public static final BucketUsage ZERO = new BucketUsage(0, 0);

    public BucketUsage plus(long deltaBytes, long deltaObjects) {
        return new BucketUsage(bytes + deltaBytes, objects + deltaObjects);
    }
}
