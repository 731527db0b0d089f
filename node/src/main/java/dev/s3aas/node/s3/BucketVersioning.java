package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** GET and PUT /bucket?versioning — GetBucketVersioning and PutBucketVersioning. */
final class BucketVersioning {
    private BucketVersioning() {}

    /** A bucket whose versioning was never enabled answers an empty configuration, as S3 does. */
    record Get(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException {
            BucketInfo b = store.bucket(ex.bucket());
            Xml xml = Xml.document("VersioningConfiguration");
            if (b.config().versioning() != null) {
                xml.element("Status", b.config().versioning());
            }
            ex.sendXml(200, xml);
        }
    }

    /**
     * Status Enabled or Suspended (versioning can never return to "never enabled"). A bucket with object lock
     * cannot be suspended. MFA delete needs MFA devices, which this service does not have: asking to enable it
     * is refused rather than silently ignored.
     */
    record Put(ObjectStore store) implements Operation {
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
            if ("Enabled".equals(doc.childText("MfaDelete"))) {
                throw new S3Exception(S3ErrorCode.NotImplemented, "MFA delete is not supported by this server.");
            }
            store.updateBucketConfig(ex.bucket(), c -> {
                if (c.objectLockEnabled() && status.equals("Suspended")) {
                    throw new StorageException(StorageError.INVALID_BUCKET_STATE, "An Object Lock configuration is "
                            + "present on this bucket, so the versioning state cannot be changed.");
                }
                return c.withVersioning(status);
            });
            ex.sendEmpty(200);
        }
    }
}
