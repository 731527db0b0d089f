package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket/key?acl[&versionId=] — GetObjectAcl: the owner's FULL_CONTROL and the version's grants. */
record GetObjectAcl(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException {
        ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ex.sendXml(200, Acls.document(ownerId, info.metadata().acl()));
    }
}
