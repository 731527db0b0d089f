package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?encryption — PutBucketEncryption: SSE-S3 (AES256) or SSE-KMS (aws:kms with a KMSMasterKeyID of the
 * node's key ring, checked to exist) as the default for writes that ask for no encryption.
 */
record PutBucketEncryption(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        XmlBody.Node rule = doc.child("Rule");
        XmlBody.Node by = rule == null ? null : rule.child("ApplyServerSideEncryptionByDefault");
        String algorithm = by == null ? null : by.childText("SSEAlgorithm");
        if (!doc.name().equals("ServerSideEncryptionConfiguration") || algorithm == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        if (algorithm.equals(ServerSideEncryption.KMS)) {
            String keyId = ServerSideEncryption.keyId(by.childText("KMSMasterKeyID"));
            if (keyId == null) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "aws:kms needs a KMSMasterKeyID: this server has "
                        + "no AWS-managed key.");
            }
            if (!store.kmsKeys().exists(keyId)) {
                throw new S3Exception(S3ErrorCode.KMSNotFoundException, "Invalid keyId " + keyId);
            }
            store.updateBucketConfig(ex.bucket(), c -> c.withKmsEncryption(keyId));
            ex.sendEmpty(200);
            return;
        }
        if (!algorithm.equals(ServerSideEncryption.AES256)) {
            throw new S3Exception(algorithm.startsWith("aws:kms") ? S3ErrorCode.NotImplemented : S3ErrorCode.MalformedXML,
                    "SSEAlgorithm must be AES256 or aws:kms.");
        }
        store.updateBucketConfig(ex.bucket(), c -> c.withEncryption(ServerSideEncryption.AES256));
        ex.sendEmpty(200);
    }
}
