package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** GET, PUT and DELETE /bucket/key?tagging[&versionId=V] — object tagging, per version, in place. */
final class ObjectTagging {
    private ObjectTagging() {}

    record Get(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException {
            ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
            ObjectHeaders.setVersionId(ex, info.versionId());
            ex.sendXml(200, Tagging.document(info.metadata().tags()));
        }
    }

    record Put(ObjectStore store) implements Operation {
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

    record Delete(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException, IOException {
            ObjectInfo info = store.updateVersionMetadata(ex.bucket(), ex.key(), ex.query().get("versionId"),
                    (bucket, m) -> m.withTags(Map.of()));
            ObjectHeaders.setVersionId(ex, info.versionId());
            ex.sendEmpty(204);
        }
    }
}
