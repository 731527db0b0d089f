package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** PUT /bucket?tagging — PutBucketTagging: replaces the bucket's tags (at most 50). */
record PutBucketTagging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        Map<String, String> tags = Tagging.fromDocument(XmlBody.parse(SmallBody.read(ex, 64 * 1024)),
                Tagging.MAX_BUCKET_TAGS);
        store.updateBucketConfig(ex.bucket(), c -> c.withTags(tags));
        ex.sendEmpty(204);
    }
}
