package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectLock;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** PUT /bucket/key?legal-hold[&versionId=V] — PutObjectLegalHold (ON/OFF). */
record PutObjectLegalHold(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        String status = doc.childText("Status");
        if (!doc.name().equals("LegalHold") || !("ON".equals(status) || "OFF".equals(status))) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        store.updateVersionMetadata(ex.bucket(), ex.key(), ex.query().get("versionId"), (bucket, m) -> {
            if (!bucket.config().objectLockEnabled()) {
                throw new StorageException(StorageError.INVALID_REQUEST, "Bucket is missing Object Lock Configuration");
            }
            ObjectLock old = m.lock() == null ? ObjectLock.NONE : m.lock();
            return m.withLock(old.withLegalHold(status.equals("ON")));
        });
        ex.sendEmpty(200);
    }
}
