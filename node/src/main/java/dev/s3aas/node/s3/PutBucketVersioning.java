package dev.s3aas.node.s3;

import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.storage.BucketConfig;
import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?versioning — PutBucketVersioning: Status Enabled or Suspended (versioning can never return to "never enabled"), and optionally MfaDelete
 * Enabled or Disabled (absent: unchanged). A bucket with object lock cannot be suspended.
 *
 * <p>MFA delete, as in AWS: only root may turn it on or off, with a valid {@code x-amz-mfa} code of its
 * device, and turning it on needs Status Enabled in the same request (it guards versions). While it is on,
 * any versioning change (e.g. suspending) needs the same: root and a valid code.
 */
record PutBucketVersioning(ObjectStore store, MfaCheck mfa) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        if (!doc.name().equals("VersioningConfiguration")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        String status = doc.childText("Status");
        if (status == null || !(status.equals("Enabled") || status.equals("Suspended"))) {
            throw new S3Exception(S3ErrorCode.MalformedXML,
                    "The versioning Status must be Enabled or Suspended.");
        }
        String mfaDelete = doc.childText("MfaDelete");
        if (mfaDelete != null && !(mfaDelete.equals("Enabled") || mfaDelete.equals("Disabled"))) {
            throw new S3Exception(S3ErrorCode.MalformedXML, "MfaDelete must be Enabled or Disabled.");
        }
        if ("Enabled".equals(mfaDelete) && !status.equals("Enabled")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "MFA delete can only be enabled together with versioning Status Enabled.");
        }
        BucketConfig seen = store.bucket(ex.bucket()).config();
        boolean mfaChecked = seen.mfaDeleteEnabled() || changes(seen, mfaDelete);
        if (mfaChecked) {
            requireRootWithMfa(ex, mfaDelete);
        }
        store.updateBucketConfig(ex.bucket(), c -> {
            if (!mfaChecked && (c.mfaDeleteEnabled() || changes(c, mfaDelete))) {
                // MFA delete was switched on between our read and this commit: the check above did not apply.
                throw new StorageException(StorageError.INVALID_BUCKET_STATE,
                        "The bucket's MFA delete state changed during this request; retry with x-amz-mfa.");
            }
            if (c.objectLockEnabled() && status.equals("Suspended")) {
                throw new StorageException(StorageError.INVALID_BUCKET_STATE, "An Object Lock configuration is "
                        + "present on this bucket, so the versioning state cannot be changed.");
            }
            BucketConfig next = c.withVersioning(status);
            return changes(c, mfaDelete) ? next.withMfaDelete(mfaDelete) : next;
        });
        ex.sendEmpty(200);
    }

    /** Whether the request switches MFA delete on or off ("never configured" counts as off). */
    private static boolean changes(BucketConfig c, String mfaDelete) {
        return mfaDelete != null && c.mfaDeleteEnabled() != mfaDelete.equals("Enabled");
    }

    private void requireRootWithMfa(S3Exchange ex, String mfaDelete) throws S3Exception {
        if (!(ex.identity() instanceof Identity.Root)) {
            throw new S3Exception(S3ErrorCode.AccessDenied,
                    "Only the root user can change versioning or MFA delete of a bucket with MFA delete.");
        }
        if ("Enabled".equals(mfaDelete) && !mfa.configured()) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "MFA delete needs the root account's MFA "
                    + "device, and this node has none (S3AAS_ROOT_MFA_SERIAL / S3AAS_ROOT_MFA_SECRET).");
        }
        mfa.require(ex);
    }
}
