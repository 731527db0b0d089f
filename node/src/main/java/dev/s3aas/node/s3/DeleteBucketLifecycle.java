package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket?lifecycle — removes all lifecycle rules (S3 DeleteBucketLifecycle; 204 also when none were set). */
record DeleteBucketLifecycle(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.updateBucketConfig(ex.bucket(), c -> c.withLifecycle(null));
        ex.sendEmpty(204);
    }
}
