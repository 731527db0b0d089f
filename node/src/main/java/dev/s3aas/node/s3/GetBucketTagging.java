package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/** GET /bucket?tagging — GetBucketTagging (no tag set → 404 NoSuchTagSet, as S3). */
record GetBucketTagging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        BucketInfo b = store.bucket(ex.bucket());
        if (b.config().tags().isEmpty()) {
            throw new S3Exception(S3ErrorCode.NoSuchTagSet);
        }
        ex.sendXml(200, Tagging.document(b.config().tags()));
    }
}
