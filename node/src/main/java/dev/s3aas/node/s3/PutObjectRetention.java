package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectLock;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.time.Instant;

/**
 * PUT /bucket/key?retention[&versionId=V] — PutObjectRetention. Retention can always be extended; COMPLIANCE
 * can never be shortened or removed before it expires; GOVERNANCE only with
 * {@code x-amz-bypass-governance-retention: true} (S3 "Object Lock").
 */
record PutObjectRetention(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        if (!doc.name().equals("Retention")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        String mode = doc.childText("Mode");
        String until = doc.childText("RetainUntilDate");
        if (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
            throw new S3Exception(S3ErrorCode.MalformedXML, "Unknown retention mode.");
        }
        // Both or neither: an empty Retention removes a governance retention (with bypass), a half one is
        // not a retention at all (S3 answers MalformedXML).
        if ((mode == null) != (until == null)) {
            throw new S3Exception(S3ErrorCode.MalformedXML, "Mode and RetainUntilDate must be given together.");
        }
        long untilMillis = until == null ? 0 : ObjectLockHeaders.futureDate(until);
        boolean bypass = DeleteObject.bypassGovernance(ex);
        store.updateVersionMetadata(ex.bucket(), ex.key(), ex.query().get("versionId"), (bucket, m) -> {
            if (!bucket.config().objectLockEnabled()) {
                throw new StorageException(StorageError.INVALID_REQUEST, "Bucket is missing Object Lock Configuration");
            }
            ObjectLock old = m.lock() == null ? ObjectLock.NONE : m.lock();
            checkChange(old, mode, untilMillis, bypass);
            return m.withLock(old.withRetention(mode, untilMillis));
        });
        ex.sendEmpty(200);
    }

    private static void checkChange(ObjectLock old, String mode, long until, boolean bypass) throws StorageException {
        if (!old.retainedAt(System.currentTimeMillis())) {
            return;
        }
        boolean weaker = mode == null || until < old.retainUntilMillis()
                || (old.mode().equals("COMPLIANCE") && !"COMPLIANCE".equals(mode));
        if (weaker && (old.mode().equals("COMPLIANCE") || !bypass)) {
            throw new StorageException(StorageError.OBJECT_LOCKED, "Object is WORM protected and its retention "
                    + "cannot be reduced" + (old.mode().equals("GOVERNANCE") ? " without bypassing governance" : ""));
        }
    }
}
