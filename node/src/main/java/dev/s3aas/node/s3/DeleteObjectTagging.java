package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** DELETE /bucket/key?tagging[&versionId=] — DeleteObjectTagging (204). */
record DeleteObjectTagging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException, IOException {
        ObjectInfo info = store.updateVersionMetadata(ex.bucket(), ex.key(), ex.query().get("versionId"),
                (bucket, m) -> m.withTags(Map.of()));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ex.sendEmpty(204);
    }
}
