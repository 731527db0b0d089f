package dev.s3aas.node.s3;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.node.storage.MultipartUpload;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * POST /bucket/key?uploads — CreateMultipartUpload. Takes the object's metadata (as PutObject) and the
 * checksum the parts will carry: {@code x-amz-checksum-algorithm} and {@code x-amz-checksum-type}
 * (COMPOSITE, or FULL_OBJECT for the CRC algorithms; CRC64NVME defaults to FULL_OBJECT, the others to
 * COMPOSITE, as in S3).
 */
record CreateMultipartUpload(ObjectStore store, String ownerId, SseCustomerKey.Reader keys) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        ChecksumAlgorithm algorithm = null;
        String a = ex.header("x-amz-checksum-algorithm");
        if (a != null) {
            algorithm = ChecksumAlgorithm.parse(a.trim()).orElseThrow(() -> new S3Exception(
                    S3ErrorCode.InvalidRequest, "Value for x-amz-checksum-algorithm header is invalid."));
        }
        boolean fullObject = fullObject(ex.header("x-amz-checksum-type"), algorithm);
        SseCustomerKey customer = keys.of(ex);
        MultipartUpload u = store.createMultipartUpload(ex.bucket(), ex.key(),
                ObjectHeaders.fromRequest(ex).withAcl(Acls.forWrite(ex, store, ownerId)), algorithm,
                fullObject, ServerSideEncryption.requested(ex), SseCustomerKey.raw(customer));
        ServerSideEncryption.toResponse(ex, u.encrypted(), u.kmsKeyId(), customer);
        if (algorithm != null) {
            ex.setHeader("x-amz-checksum-algorithm", algorithm.name());
            ex.setHeader("x-amz-checksum-type", fullObject ? "FULL_OBJECT" : "COMPOSITE");
        }
        ex.sendXml(200, Xml.document("InitiateMultipartUploadResult")
                .element("Bucket", ex.bucket())
                .element("Key", ex.key())
                .element("UploadId", u.uploadId()));
    }

    private static boolean fullObject(String type, ChecksumAlgorithm algorithm) throws S3Exception {
        if (type == null) {
            return algorithm == ChecksumAlgorithm.CRC64NVME;
        }
        switch (type.trim()) {
            case "COMPOSITE" -> {
                if (algorithm == ChecksumAlgorithm.CRC64NVME) {
                    throw new S3Exception(S3ErrorCode.InvalidRequest,
                            "The COMPOSITE checksum type is not supported for the CRC64NVME algorithm.");
                }
                return false;
            }
            case "FULL_OBJECT" -> {
                if (algorithm == null || !algorithm.isCrc()) {
                    throw new S3Exception(S3ErrorCode.InvalidRequest,
                            "The FULL_OBJECT checksum type is only supported for the CRC checksum algorithms.");
                }
                return true;
            }
            default -> throw new S3Exception(S3ErrorCode.InvalidRequest, "Value for x-amz-checksum-type header is invalid.");
        }
    }
}
