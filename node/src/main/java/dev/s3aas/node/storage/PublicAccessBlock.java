package dev.s3aas.node.storage;

/** A bucket's S3 Block Public Access settings (PutPublicAccessBlock); absent = nothing blocked. */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {}
