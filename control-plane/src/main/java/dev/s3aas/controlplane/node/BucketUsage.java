package dev.s3aas.controlplane.node;

/**
 * What a bucket holds as its data plane counts it: objects (every stored version counts, as quotas count them)
 * and their bytes.
 */
public record BucketUsage(long objects, long bytes) {
    public BucketUsage {
        if (objects < 0 || bytes < 0) {
            throw new IllegalArgumentException("usage is never negative: " + objects + " objects, " + bytes + " bytes");
        }
    }
}
