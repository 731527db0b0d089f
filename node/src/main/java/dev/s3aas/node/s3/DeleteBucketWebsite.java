package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket?website — DeleteBucketWebsite (204 whether or not one was set). */
record DeleteBucketWebsite(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.updateBucketConfig(ex.bucket(), c -> c.withWebsite(null));
        ex.sendEmpty(204);
    }
}
