package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/**
 * GET /bucket?logging — GetBucketLogging. The node has no server access logging, so every bucket reports what S3
 * reports for a bucket with logging off: an empty {@code BucketLoggingStatus}. (PutBucketLogging is refused.)
 */
record GetBucketLogging(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        store.bucket(ex.bucket());
        ex.sendXml(200, Xml.document("BucketLoggingStatus"));
    }
}
