package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket — DeleteBucket (BucketNotEmpty while objects remain). */
record DeleteBucket(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.deleteBucket(ex.bucket());
        ex.sendEmpty(204);
    }
}
