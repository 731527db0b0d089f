package dev.s3aas.node.s3;

import dev.s3aas.node.storage.AccessControlList;
import dev.s3aas.node.storage.BucketConfig;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?acl — PutBucketAcl, from a canned ACL, grant headers or an AccessControlPolicy body. With ACLs
 * disabled (BucketOwnerEnforced) only the owner-only ACL is accepted (AccessControlListNotSupported otherwise).
 */
record PutBucketAcl(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        BucketConfig current = store.bucket(ex.bucket()).config();
        AccessControlList acl = Acls.fromRequest(ex, ownerId);
        Acls.checkSettable(current, acl);
        store.updateBucketConfig(ex.bucket(), c -> c.withAcl(acl.grants().isEmpty() ? null : acl));
        ex.sendEmpty(200);
    }
}
