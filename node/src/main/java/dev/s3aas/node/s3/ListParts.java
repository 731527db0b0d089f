package dev.s3aas.node.s3;

import dev.s3aas.node.storage.MultipartUpload;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PartInfo;
import dev.s3aas.node.storage.PartsPage;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket/key?uploadId=U — ListParts, with {@code part-number-marker} and {@code max-parts}. */
record ListParts(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        int marker = nonNegative(ex.query().get("part-number-marker"), 0, "part-number-marker");
        int max = Math.min(nonNegative(ex.query().get("max-parts"), 1000, "max-parts"), 1000);
        PartsPage page = store.listParts(ex.bucket(), ex.key(), ex.query().get("uploadId"), marker, max);
        MultipartUpload u = page.upload();
        Xml xml = Xml.document("ListPartsResult")
                .element("Bucket", ex.bucket())
                .element("Key", ex.key())
                .element("UploadId", u.uploadId());
        xml.start("Initiator").element("ID", ownerId).element("DisplayName", ownerId).end();
        xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
        xml.element("StorageClass", storageClass(u))
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.nextPartNumberMarker())
                .element("MaxParts", max)
                .element("IsTruncated", page.truncated());
        if (u.checksumAlgorithm() != null) {
            xml.element("ChecksumAlgorithm", u.checksumAlgorithm().name())
                    .element("ChecksumType", u.fullObjectChecksum() ? "FULL_OBJECT" : "COMPOSITE");
        }
        for (PartInfo p : page.parts()) {
            xml.start("Part")
                    .element("PartNumber", p.partNumber())
                    .element("LastModified", p.lastModified())
                    .element("ETag", ObjectHeaders.quote(p.etag()))
                    .element("Size", p.size());
            if (u.checksumAlgorithm() != null && p.checksum() != null) {
                xml.element(u.checksumAlgorithm().xmlElement(), p.checksum());
            }
            xml.end();
        }
        ex.sendXml(200, xml);
    }

    static String storageClass(MultipartUpload u) {
        return u.metadata().storageClass() == null ? "STANDARD" : u.metadata().storageClass();
    }

    static int nonNegative(String v, int dflt, String name) throws S3Exception {
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Argument " + name + " must be an integer between 0 and "
                + Integer.MAX_VALUE);
    }
}
