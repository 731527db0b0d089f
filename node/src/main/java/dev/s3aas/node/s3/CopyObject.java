package dev.s3aas.node.s3;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.node.storage.CopyObjectInput;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectMetadata;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;

/**
 * PUT /bucket/key with {@code x-amz-copy-source} — CopyObject. {@code x-amz-metadata-directive} COPY (default)
 * keeps the source's metadata, REPLACE takes the request's; copying an object onto itself requires REPLACE.
 */
record CopyObject(ObjectStore store, String ownerId, SseCustomerKey.Reader keys) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        CopySourceHeader.Parsed src = CopySourceHeader.parse(ex.header("x-amz-copy-source"));
        String directive = ex.header("x-amz-metadata-directive");
        boolean replace = directive != null && directive.equals("REPLACE");
        if (directive != null && !replace && !directive.equals("COPY")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Unknown metadata directive.");
        }
        ChecksumAlgorithm algorithm = checksumAlgorithm(ex);
        String taggingDirective = ex.header("x-amz-tagging-directive");
        if (taggingDirective != null && !taggingDirective.equals("COPY") && !taggingDirective.equals("REPLACE")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Unknown tagging directive.");
        }
        // Copying a key onto itself is refused only when it would change nothing; naming an older version is
        // the documented way to restore it, and replacing the tags is a change.
        boolean ontoItself = src.bucket().equals(ex.bucket()) && src.key().equals(ex.key()) && src.versionId() == null;
        if (ontoItself && !replace && algorithm == null && ex.header("x-amz-storage-class") == null
                && ex.header("x-amz-server-side-encryption") == null && !"REPLACE".equals(taggingDirective)) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "This copy request is illegal because it is trying to copy "
                    + "an object to itself without changing the object's metadata, storage class, website redirect "
                    + "location or encryption attributes.");
        }
        ObjectMetadata metadata = replace ? ObjectHeaders.fromRequest(ex) : null;
        SseCustomerKey customer = keys.of(ex);
        Map<String, String> tags = "REPLACE".equals(taggingDirective)
                ? Tagging.fromHeader(ex.header("x-amz-tagging")) : null;
        ObjectInfo info = store.copyObject(new CopyObjectInput(CopySourceHeader.source(ex, src), ex.bucket(), ex.key(),
                metadata, tags, ObjectLockHeaders.fromRequest(ex), algorithm, PutObject.writeCondition(ex),
                ServerSideEncryption.requested(ex), Acls.forWrite(ex, store, ownerId),
                SseCustomerKey.raw(keys.ofCopySource(ex)), SseCustomerKey.raw(customer)));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ServerSideEncryption.toResponse(ex, info, customer);
        ExpirationHeader.set(ex, store, info);
        if (src.versionId() != null) {
            ex.setHeader("x-amz-copy-source-version-id", src.versionId());
        }
        Xml xml = Xml.document("CopyObjectResult")
                .element("LastModified", info.lastModified())
                .element("ETag", ObjectHeaders.quote(info.etag()));
        if (info.checksum() != null) {
            xml.element(info.checksum().algorithm().xmlElement(), info.checksum().value())
                    .element("ChecksumType", info.checksum().type());
        }
        ex.sendXml(200, xml);
    }

    private static ChecksumAlgorithm checksumAlgorithm(S3Exchange ex) throws S3Exception {
        String v = ex.header("x-amz-checksum-algorithm");
        if (v == null) {
            return null;
        }
        return ChecksumAlgorithm.parse(v.trim()).orElseThrow(() -> new S3Exception(S3ErrorCode.InvalidRequest,
                "Value for x-amz-checksum-algorithm header is invalid."));
    }
}
