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
            requireMfaIfEnabled(store, mfa, ex);
        }
        DeleteOutcome out = store.deleteObject(ex.bucket(), ex.key(), versionId, bypassGovernance(ex));
        ObjectHeaders.setVersionId(ex, out.versionId());
        if (out.deleteMarker()) {
            ex.setHeader("x-amz-delete-marker", "true");
        }
        ex.sendEmpty(204);
    }

    /**
     * Permanent deletes in a bucket with MFA delete need the root device's code. The setting is read before the
     * delete commits, so a delete racing with the request that enables MFA delete may still pass, as it could
     * a moment earlier.
     */
    static void requireMfaIfEnabled(ObjectStore store, MfaCheck mfa, S3Exchange ex)
            throws S3Exception, StorageException {
        if (store.bucket(ex.bucket()).config().mfaDeleteEnabled()) {
            mfa.require(ex);
        }
    }

    static boolean bypassGovernance(S3Exchange ex) {
        return "true".equalsIgnoreCase(ex.header("x-amz-bypass-governance-retention"));
    }
}
