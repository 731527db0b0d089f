package dev.s3aas.node.s3;

import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.storage.BucketConfig;
import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * GET /bucket?versioning — GetBucketVersioning. A bucket whose versioning was never enabled answers an empty
 * configuration, as S3 does; MfaDelete appears
 * once it was ever configured.
 */
record GetBucketVersioning(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException {
        BucketInfo b = store.bucket(ex.bucket());
        Xml xml = Xml.document("VersioningConfiguration");
        if (b.config().versioning() != null) {
            xml.element("Status", b.config().versioning());
        }
        if (b.config().mfaDelete() != null) {
            xml.element("MfaDelete", b.config().mfaDelete());
        }
        ex.sendXml(200, xml);
    }
}
