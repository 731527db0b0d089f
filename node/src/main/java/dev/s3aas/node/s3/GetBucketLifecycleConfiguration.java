package dev.s3aas.node.s3;

import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket?lifecycle — the bucket's lifecycle rules; none set → 404 NoSuchLifecycleConfiguration, as S3. */
record GetBucketLifecycleConfiguration(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        LifecycleConfiguration config = store.bucket(ex.bucket()).config().lifecycle();
        if (config == null) {
            throw new S3Exception(S3ErrorCode.NoSuchLifecycleConfiguration);
        }
        ex.sendXml(200, LifecycleXml.document(config));
    }
}
