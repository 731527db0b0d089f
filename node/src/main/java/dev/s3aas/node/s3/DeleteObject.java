package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket/key — DeleteObject; deleting a missing key succeeds (204), as in S3. */
record DeleteObject(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.deleteObject(ex.bucket(), ex.key());
        ex.sendEmpty(204);
    }
}
