package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/**
 * GET /bucket?accelerate — GetBucketAccelerateConfiguration: S3 answers a bucket that never had Transfer
 * Acceleration with an empty document, and a node has none. (Enabling it is refused.)
 */
record GetBucketAccelerateConfiguration(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        store.bucket(ex.bucket());
        ex.sendXml(200, Xml.document("AccelerateConfiguration"));
    }
}
