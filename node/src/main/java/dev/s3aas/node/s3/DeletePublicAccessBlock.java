package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket?publicAccessBlock — DeletePublicAccessBlock (204). */
record DeletePublicAccessBlock(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.updateBucketConfig(ex.bucket(), c -> c.withPublicAccessBlock(null));
        ex.sendEmpty(204);
    }
}
