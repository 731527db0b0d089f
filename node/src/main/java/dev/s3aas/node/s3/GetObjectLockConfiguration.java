package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.DefaultRetention;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** GET /bucket?object-lock — GetObjectLockConfiguration, with the default retention if any. */
record GetObjectLockConfiguration(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        BucketInfo b = store.bucket(ex.bucket());
        if (!b.config().objectLockEnabled()) {
            throw new S3Exception(S3ErrorCode.ObjectLockConfigurationNotFoundError);
        }
        Xml xml = Xml.document("ObjectLockConfiguration").element("ObjectLockEnabled", "Enabled");
        DefaultRetention d = b.config().defaultRetention();
        if (d != null) {
            xml.start("Rule").start("DefaultRetention").element("Mode", d.mode());
            if (d.days() > 0) {
                xml.element("Days", d.days());
            } else {
                xml.element("Years", d.years());
            }
            xml.end().end();
        }
        ex.sendXml(200, xml);
    }
}
