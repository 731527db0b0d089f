package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** GET /bucket/key?tagging[&versionId=] — GetObjectTagging. */
record GetObjectTagging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException {
        ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ex.sendXml(200, Tagging.document(info.metadata().tags()));
    }
}
