package dev.s3aas.node.s3;

import dev.s3aas.node.storage.AccessControlList;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket/key?acl[&versionId=] — PutObjectAcl, from a canned ACL, grant headers or an AccessControlPolicy
 * body; refused with AccessControlListNotSupported when the bucket has ACLs disabled (unless owner-only).
 */
record PutObjectAcl(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        AccessControlList acl = Acls.fromRequest(ex, ownerId);
        Acls.checkSettable(store.bucket(ex.bucket()).config(), acl);
        ObjectInfo info = store.updateVersionMetadata(ex.bucket(), ex.key(), ex.query().get("versionId"),
                (bucket, current) -> current.withAcl(acl));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ex.sendEmpty(200);
    }
}
