package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectOwnership;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket?ownershipControls — GetBucketOwnershipControls (404 after DeleteBucketOwnershipControls). */
record GetBucketOwnershipControls(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        ObjectOwnership o = store.bucket(ex.bucket()).config().effectiveOwnership();
        if (o == ObjectOwnership.NOT_CONFIGURED) {
            throw new S3Exception(S3ErrorCode.OwnershipControlsNotFoundError);
        }
        ex.sendXml(200, Xml.document("OwnershipControls").start("Rule")
                .element("ObjectOwnership", OwnershipControls.name(o)).end());
    }
}
