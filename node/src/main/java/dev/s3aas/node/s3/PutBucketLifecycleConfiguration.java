package dev.s3aas.node.s3;

import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?lifecycle — replaces the bucket's lifecycle configuration (S3 PutBucketLifecycleConfiguration). The
 * whole document is validated before anything is stored; the node's lifecycle worker then carries the rules out.
 */
record PutBucketLifecycleConfiguration(ObjectStore store) implements Operation {
    /** 1,000 rules with long prefixes and tags stay well below this. */
    private static final int MAX_BODY = 1024 * 1024;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        LifecycleConfiguration config = LifecycleXml.parse(XmlBody.parse(SmallBody.read(ex, MAX_BODY)));
        store.updateBucketConfig(ex.bucket(), c -> c.withLifecycle(config));
        ex.sendEmpty(200);
    }
}
