package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** PUT /bucket/key?tagging[&versionId=] — PutObjectTagging: replaces the version's tags (at most 10). */
record PutObjectTagging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        Map<String, String> tags = Tagging.fromDocument(XmlBody.parse(SmallBody.read(ex, 64 * 1024)),
                Tagging.MAX_OBJECT_TAGS);
        ObjectInfo info = store.updateVersionMetadata(ex.bucket(), ex.key(), ex.query().get("versionId"),
                (bucket, m) -> m.withTags(tags));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ex.sendEmpty(200);
    }
}
