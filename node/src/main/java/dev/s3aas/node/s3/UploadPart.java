package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PartInfo;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.UploadPartInput;
import java.io.IOException;

/** PUT /bucket/key?partNumber=N&uploadId=U — UploadPart: streamed like PutObject, digests verified. */
record UploadPart(ObjectStore store, SseCustomerKey.Reader keys) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        int partNumber = PartNumber.parse(ex.query().get("partNumber"));
        long length = ex.contentLength();
        if (length < 0) {
            throw new S3Exception(S3ErrorCode.MissingContentLength);
        }
        if (length > ObjectStore.MAX_UPLOAD_SIZE) {
            throw new S3Exception(S3ErrorCode.EntityTooLarge);
        }
        ChecksumSpec checksum = ChecksumSpec.fromRequest(ex);
        SseCustomerKey customer = keys.of(ex);
        PartInfo part = store.uploadPart(new UploadPartInput(ex.bucket(), ex.key(), ex.query().get("uploadId"),
                partNumber, length, ContentMd5.parse(ex.header("Content-MD5")), checksum.algorithm(),
                checksum.expected(), SseCustomerKey.raw(customer)), ex.body());
        if (customer != null) {
            customer.toResponse(ex);
        }
        ex.setHeader("ETag", ObjectHeaders.quote(part.etag()));
        if (checksum.algorithm() != null && part.checksum() != null) {
            ex.setHeader(checksum.algorithm().headerName(), part.checksum());
        }
        ex.sendEmpty(200);
    }
}
