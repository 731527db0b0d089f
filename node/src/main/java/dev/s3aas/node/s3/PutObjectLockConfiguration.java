package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.DefaultRetention;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?object-lock — PutObjectLockConfiguration and default retention. On a bucket created without
 * object lock it enables it, which requires versioning to be enabled (S3 allows this since 2023); it can never
 * be disabled again.
 */
record PutObjectLockConfiguration(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        if (!doc.name().equals("ObjectLockConfiguration") || !"Enabled".equals(doc.childText("ObjectLockEnabled"))) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        DefaultRetention retention = retention(doc.child("Rule"));
        store.updateBucketConfig(ex.bucket(), c -> {
            if (!c.objectLockEnabled() && !"Enabled".equals(c.versioning())) {
                throw new StorageException(StorageError.INVALID_BUCKET_STATE,
                        "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
            }
            return c.withObjectLock(true, retention);
        });
        ex.sendEmpty(200);
    }

    private static DefaultRetention retention(XmlBody.Node rule) throws S3Exception {
        if (rule == null) {
            return null;
        }
        XmlBody.Node d = rule.child("DefaultRetention");
        if (d == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        try {
            int days = d.childText("Days") == null ? 0 : Integer.parseInt(d.childText("Days"));
            int years = d.childText("Years") == null ? 0 : Integer.parseInt(d.childText("Years"));
            return new DefaultRetention(d.childText("Mode"), days, years);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Default retention must have a Mode (GOVERNANCE or "
                    + "COMPLIANCE) and exactly one positive Days or Years");
        }
    }
}
