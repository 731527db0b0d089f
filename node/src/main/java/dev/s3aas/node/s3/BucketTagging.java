package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** GET, PUT and DELETE /bucket?tagging — bucket tags (no tag set → 404 NoSuchTagSet, as S3). */
final class BucketTagging {
    private BucketTagging() {}

    record Get(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException {
            BucketInfo b = store.bucket(ex.bucket());
            if (b.config().tags().isEmpty()) {
                throw new S3Exception(S3ErrorCode.NoSuchTagSet);
            }
            ex.sendXml(200, Tagging.document(b.config().tags()));
        }
    }

    record Put(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
            Map<String, String> tags = Tagging.fromDocument(XmlBody.parse(SmallBody.read(ex, 64 * 1024)),
                    Tagging.MAX_BUCKET_TAGS);
            store.updateBucketConfig(ex.bucket(), c -> c.withTags(tags));
            ex.sendEmpty(204);
        }
    }

    record Delete(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException, IOException {
            store.updateBucketConfig(ex.bucket(), c -> c.withTags(Map.of()));
            ex.sendEmpty(204);
        }
    }
}
