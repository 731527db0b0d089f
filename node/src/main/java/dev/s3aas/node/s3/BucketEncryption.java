package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * GET, PUT and DELETE /bucket?encryption — the bucket's default encryption. Only SSE-S3 ("AES256") can be
 * the default: new objects written without an encryption header are then stored encrypted.
 */
final class BucketEncryption {
    private BucketEncryption() {}

    record Get(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException {
            BucketInfo b = store.bucket(ex.bucket());
            if (b.config().encryption() == null) {
                throw new S3Exception(S3ErrorCode.ServerSideEncryptionConfigurationNotFoundError);
            }
            ex.sendXml(200, Xml.document("ServerSideEncryptionConfiguration").start("Rule")
                    .start("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", b.config().encryption()).end()
                    .element("BucketKeyEnabled", false));
        }
    }

    record Put(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
            XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
            XmlBody.Node rule = doc.child("Rule");
            XmlBody.Node by = rule == null ? null : rule.child("ApplyServerSideEncryptionByDefault");
            String algorithm = by == null ? null : by.childText("SSEAlgorithm");
            if (!doc.name().equals("ServerSideEncryptionConfiguration") || algorithm == null) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            if (algorithm.startsWith("aws:kms")) {
                throw new S3Exception(S3ErrorCode.NotImplemented, "SSE-KMS is not supported; use AES256 (SSE-S3).");
            }
            if (!algorithm.equals(ServerSideEncryption.AES256)) {
                throw new S3Exception(S3ErrorCode.MalformedXML, "SSEAlgorithm must be AES256.");
            }
            store.updateBucketConfig(ex.bucket(), c -> c.withEncryption(ServerSideEncryption.AES256));
            ex.sendEmpty(200);
        }
    }

    record Delete(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException, IOException {
            store.updateBucketConfig(ex.bucket(), c -> c.withEncryption(null));
            ex.sendEmpty(204);
        }
    }
}
