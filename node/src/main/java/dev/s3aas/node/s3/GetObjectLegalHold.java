package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectLock;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** GET /bucket/key?legal-hold[&versionId=V] — GetObjectLegalHold. */
record GetObjectLegalHold(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
        if (!store.bucket(ex.bucket()).config().objectLockEnabled()) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Bucket is missing Object Lock Configuration");
        }
        ObjectLock lock = info.metadata().lock();
        ex.sendXml(200, Xml.document("LegalHold").element("Status", lock != null && lock.legalHold() ? "ON" : "OFF"));
    }
}
