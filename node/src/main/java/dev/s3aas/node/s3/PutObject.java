package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PutObjectInput;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.WriteCondition;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** PUT /bucket/key — PutObject, streamed to storage; digests verified before the commit. */
record PutObject(ObjectStore store, String ownerId, SseCustomerKey.Reader keys) implements Operation {

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        long length = ex.contentLength();
        if (length < 0) {
            throw new S3Exception(S3ErrorCode.MissingContentLength);
        }
        if (length > ObjectStore.MAX_UPLOAD_SIZE) {
            throw new S3Exception(S3ErrorCode.EntityTooLarge);
        }
        byte[] md5 = ContentMd5.parse(ex.header("Content-MD5"));
        ChecksumSpec checksum = ChecksumSpec.fromRequest(ex);
        SseCustomerKey customer = keys.of(ex);
        PutObjectInput input = new PutObjectInput(ex.bucket(), ex.key(), length,
                ObjectHeaders.fromRequest(ex).withAcl(Acls.forWrite(ex, store, ownerId)), md5,
                checksum.algorithm(), checksum.expected(), writeCondition(ex), ServerSideEncryption.requested(ex),
                SseCustomerKey.raw(customer));
        ObjectInfo info = store.putObject(input, ex.body());
        ex.setHeader("ETag", ObjectHeaders.quote(info.etag()));
        if (info.checksum() != null) {
            ex.setHeader(info.checksum().algorithm().headerName(), info.checksum().value());
            ex.setHeader("x-amz-checksum-type", info.checksum().type());
        }
        ObjectHeaders.setVersionId(ex, info.versionId());
        ServerSideEncryption.toResponse(ex, info, customer);
        ExpirationHeader.set(ex, store, info);
        ex.sendEmpty(200);
    }

    /**
     * Conditional writes (S3, 2024): {@code If-None-Match: *} creates only if absent; {@code If-Match: etag}
     * overwrites only that version. Other If-None-Match values are not supported by S3 either.
     */
    static WriteCondition writeCondition(S3Exchange ex) throws S3Exception {
        String ifNoneMatch = ex.header("If-None-Match");
        String ifMatch = ex.header("If-Match");
        if (ifNoneMatch != null && ifMatch != null) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "If-Match and If-None-Match cannot be combined on writes.");
        }
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw new S3Exception(S3ErrorCode.NotImplemented, "If-None-Match on writes only supports '*'.");
            }
            return new WriteCondition.IfAbsent();
        }
        if (ifMatch != null) {
            List<String> etags = Arrays.stream(ifMatch.split(",")).map(ObjectHeaders::unquote).toList();
            return new WriteCondition.IfMatch(etags);
        }
        return WriteCondition.NONE;
    }
}
