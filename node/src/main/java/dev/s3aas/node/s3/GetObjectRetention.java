package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectLock;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.time.Instant;

/** GET /bucket/key?retention[&versionId=V] — GetObjectRetention (404 NoSuchObjectLockConfiguration when the version has none). */
record GetObjectRetention(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
        ObjectLock lock = info.metadata().lock();
        if (lock == null || lock.mode() == null) {
            throw new S3Exception(S3ErrorCode.NoSuchObjectLockConfiguration);
        }
        ex.sendXml(200, Xml.document("Retention").element("Mode", lock.mode())
                .element("RetainUntilDate", Instant.ofEpochMilli(lock.retainUntilMillis())));
    }
}
