package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/**
 * GET /bucket?notification — GetBucketNotificationConfiguration. The node sends no event notifications, so every
 * bucket has the empty configuration S3 returns for a bucket without any. (Putting one is refused.)
 */
record GetBucketNotificationConfiguration(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        store.bucket(ex.bucket());
        ex.sendXml(200, Xml.document("NotificationConfiguration"));
    }
}
