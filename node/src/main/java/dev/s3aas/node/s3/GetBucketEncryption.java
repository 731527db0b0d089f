package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** GET /bucket?encryption — GetBucketEncryption (404 ServerSideEncryptionConfigurationNotFoundError when unset). */
record GetBucketEncryption(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        BucketInfo b = store.bucket(ex.bucket());
        if (b.config().encryption() == null) {
            throw new S3Exception(S3ErrorCode.ServerSideEncryptionConfigurationNotFoundError);
        }
        ex.sendXml(200, Xml.document("ServerSideEncryptionConfiguration").start("Rule")
                .start("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", b.config().encryption())
                    .element("KMSMasterKeyID", b.config().encryptionKeyId()).end()
                .element("BucketKeyEnabled", false));
    }
}
