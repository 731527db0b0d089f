package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket?acl — GetBucketAcl: the owner's FULL_CONTROL and the bucket's grants (none with ACLs disabled). */
record GetBucketAcl(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException {
        ex.sendXml(200, Acls.document(ownerId, store.bucket(ex.bucket()).config().acl()));
    }
}
