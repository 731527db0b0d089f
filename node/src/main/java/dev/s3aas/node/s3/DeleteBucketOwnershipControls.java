package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectOwnership;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket?ownershipControls — DeleteBucketOwnershipControls: ACLs then apply as under ObjectWriter. */
record DeleteBucketOwnershipControls(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.updateBucketConfig(ex.bucket(), c -> c.withOwnership(ObjectOwnership.NOT_CONFIGURED));
        ex.sendEmpty(204);
    }
}
