package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** HEAD /bucket — HeadBucket. */
record HeadBucket(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException {
        BucketInfo b = store.bucket(ex.bucket());
        ex.setHeader("x-amz-bucket-region", b.region());
        ex.sendEmpty(200);
    }
}
