package dev.s3aas.node.s3;

import dev.s3aas.node.storage.DeleteOutcome;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * DELETE /bucket/key[?versionId=V] — DeleteObject. Deleting a missing key succeeds (204), as in S3; in a
 * versioned bucket it adds a delete marker; with a version id it removes that version for good, which in a
 * bucket with MFA delete needs a valid {@code x-amz-mfa} code (adding a delete marker does not).
 */
record DeleteObject(ObjectStore store, MfaCheck mfa) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        String versionId = ex.query().get("versionId");
        if (versionId != null) {
            mfa.requireIfEnabled(store, ex);
        }
        DeleteOutcome out = store.deleteObject(ex.bucket(), ex.key(), versionId, bypassGovernance(ex));
        ObjectHeaders.setVersionId(ex, out.versionId());
        if (out.deleteMarker()) {
            ex.setHeader("x-amz-delete-marker", "true");
        }
        ex.sendEmpty(204);
    }

    static boolean bypassGovernance(S3Exchange ex) {
        return "true".equalsIgnoreCase(ex.header("x-amz-bypass-governance-retention"));
    }
}
