package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ListPage;
import dev.s3aas.node.storage.ListQuery;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/**
 * GET /bucket — ListObjects (version 1): {@code marker}; {@code NextMarker} only when a delimiter was given (S3
 * behaviour). The Contents and CommonPrefixes are written as for ListObjectsV2.
 */
record ListObjects(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        ListingParams p = ListingParams.from(ex.query());
        String marker = ex.query().get("marker");
        ListPage page = store.listObjects(new ListQuery(ex.bucket(), p.prefix(), p.delimiter(), marker, p.maxKeys()));
        Xml xml = Xml.document("ListBucketResult")
                .element("Name", ex.bucket())
                .element("Prefix", p.out(p.prefix()))
                .element("Marker", p.out(marker == null ? "" : marker))
                .element("MaxKeys", p.maxKeys())
                .element("Delimiter", p.out(p.delimiter()))
                .element("IsTruncated", page.truncated());
        if (page.truncated() && p.delimiter() != null) {
            xml.element("NextMarker", p.out(page.lastEntry()));
        }
        if (p.urlEncoding()) {
            xml.element("EncodingType", "url");
        }
        contents(xml, page, p, ownerId);
        ex.sendXml(200, xml);
    }

    /** Contents and CommonPrefixes of a page, for both list versions; the owner only when given. */
    static void contents(Xml xml, ListPage page, ListingParams p, String ownerId) {
        for (ObjectInfo o : page.objects()) {
            xml.start("Contents")
                    .element("Key", p.out(o.key()))
                    .element("LastModified", o.lastModified())
                    .element("ETag", ObjectHeaders.quote(o.etag()))
                    .element("Size", o.size());
            if (o.checksum() != null) {
                xml.element("ChecksumAlgorithm", o.checksum().algorithm().name())
                        .element("ChecksumType", o.checksum().type());
            }
            if (ownerId != null) {
                xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
            }
            String sc = o.metadata().storageClass();
            xml.element("StorageClass", sc == null ? "STANDARD" : sc).end();
        }
        for (String cp : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", p.out(cp)).end();
        }
    }
}
