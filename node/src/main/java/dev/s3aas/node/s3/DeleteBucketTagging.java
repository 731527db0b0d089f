package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** DELETE /bucket?tagging — DeleteBucketTagging (204). */
record DeleteBucketTagging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.updateBucketConfig(ex.bucket(), c -> c.withTags(Map.of()));
        ex.sendEmpty(204);
    }
}
