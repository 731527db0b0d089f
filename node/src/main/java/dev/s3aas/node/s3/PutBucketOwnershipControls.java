package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectOwnership;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?ownershipControls — PutBucketOwnershipControls. Enforcing bucket ownership disables ACLs; as in
 * AWS it is refused while the bucket's own ACL still grants anyone but the owner (InvalidBucketAclWithObjectOwnership).
 * Object ACLs already stored stay but stop counting.
 */
record PutBucketOwnershipControls(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        XmlBody.Node rule = doc.child("Rule");
        if (!doc.name().equals("OwnershipControls") || rule == null || doc.all("Rule").size() != 1) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        ObjectOwnership o = OwnershipControls.parse(rule.childText("ObjectOwnership"));
        var acl = store.bucket(ex.bucket()).config().acl();
        if (!o.aclsEnabled() && acl != null && !acl.grants().isEmpty()) {
            throw new S3Exception(S3ErrorCode.InvalidBucketAclWithObjectOwnership);
        }
        store.updateBucketConfig(ex.bucket(), c -> c.withOwnership(o));
        ex.sendEmpty(200);
    }
}
