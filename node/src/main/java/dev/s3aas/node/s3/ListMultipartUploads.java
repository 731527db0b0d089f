package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ListUploadsQuery;
import dev.s3aas.node.storage.MultipartUpload;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.UploadsPage;

/**
 * GET /bucket?uploads — ListMultipartUploads: key-marker, upload-id-marker, prefix, delimiter, max-uploads,
 * encoding-type=url.
 */
record ListMultipartUploads(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        QueryParams q = ex.query();
        String encoding = q.get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request");
        }
        ListingParams p = new ListingParams(q.get("prefix") == null ? "" : q.get("prefix"), q.get("delimiter"),
                Math.min(ListParts.nonNegative(q.get("max-uploads"), 1000, "max-uploads"), 1000), encoding != null);
        String keyMarker = q.get("key-marker");
        String uploadIdMarker = keyMarker == null ? null : q.get("upload-id-marker");
        UploadsPage page = store.listMultipartUploads(new ListUploadsQuery(ex.bucket(), p.prefix(), p.delimiter(),
                keyMarker, uploadIdMarker, p.maxKeys()));
        Xml xml = Xml.document("ListMultipartUploadsResult")
                .element("Bucket", ex.bucket())
                .element("KeyMarker", p.out(keyMarker == null ? "" : keyMarker))
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
                .element("NextKeyMarker", p.out(page.nextKeyMarker() == null ? "" : page.nextKeyMarker()))
                .element("NextUploadIdMarker", page.nextUploadIdMarker() == null ? "" : page.nextUploadIdMarker())
                .element("Delimiter", p.out(p.delimiter()))
                .element("Prefix", p.out(p.prefix()))
                .element("MaxUploads", p.maxKeys())
                .element("IsTruncated", page.truncated());
        if (p.urlEncoding()) {
            xml.element("EncodingType", "url");
        }
        for (MultipartUpload u : page.uploads()) {
            xml.start("Upload")
                    .element("Key", p.out(u.key()))
                    .element("UploadId", u.uploadId());
            xml.start("Initiator").element("ID", ownerId).element("DisplayName", ownerId).end();
            xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
            xml.element("StorageClass", ListParts.storageClass(u))
                    .element("Initiated", u.initiated());
            if (u.checksumAlgorithm() != null) {
                xml.element("ChecksumAlgorithm", u.checksumAlgorithm().name());
            }
            xml.end();
        }
        for (String cp : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", p.out(cp)).end();
        }
        ex.sendXml(200, xml);
    }
}
