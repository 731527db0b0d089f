package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** DELETE /bucket/key?uploadId=U — AbortMultipartUpload: the upload and its parts' data are removed. */
record AbortMultipartUpload(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        store.abortMultipartUpload(ex.bucket(), ex.key(), ex.query().get("uploadId"));
        ex.sendEmpty(204);
    }
}
