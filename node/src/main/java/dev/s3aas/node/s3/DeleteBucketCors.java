package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket?cors — DeleteBucketCors (204 whether or not rules were set). */
record DeleteBucketCors(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.updateBucketConfig(ex.bucket(), c -> c.withCors(null));
        ex.sendEmpty(204);
    }
}
