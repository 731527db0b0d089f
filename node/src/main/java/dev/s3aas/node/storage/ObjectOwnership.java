package dev.s3aas.node.storage;

/**
 * S3 Object Ownership of a bucket. BUCKET_OWNER_ENFORCED disables ACLs (AWS's default for new buckets since
 * April 2023, and ours); NOT_CONFIGURED is a bucket whose ownership controls were deleted: ACLs apply as under
 * OBJECT_WRITER, and GetBucketOwnershipControls answers OwnershipControlsNotFoundError.
 */
public enum ObjectOwnership {
    BUCKET_OWNER_ENFORCED, BUCKET_OWNER_PREFERRED, OBJECT_WRITER, NOT_CONFIGURED;

    public boolean aclsEnabled() {
        return this != BUCKET_OWNER_ENFORCED;
    }
}
