package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ListVersionsQuery;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.VersionsPage;

/**
 * GET /bucket?versions — ListObjectVersions: Version and DeleteMarker entries in key order, newest first per
 * key, with key-marker / version-id-marker paging, prefix, delimiter, max-keys and encoding-type=url.
 */
record ListObjectVersions(ObjectStore store, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        ListingParams p = ListingParams.from(ex.query());
        String keyMarker = ex.query().get("key-marker");
        String versionIdMarker = keyMarker == null ? null : ex.query().get("version-id-marker");
        VersionsPage page = store.listObjectVersions(new ListVersionsQuery(ex.bucket(), p.prefix(), p.delimiter(),
                keyMarker, versionIdMarker, p.maxKeys()));
        Xml xml = Xml.document("ListVersionsResult")
                .element("Name", ex.bucket())
                .element("Prefix", p.out(p.prefix()))
                .element("KeyMarker", p.out(keyMarker == null ? "" : keyMarker))
                .element("VersionIdMarker", versionIdMarker == null ? "" : versionIdMarker)
                .element("MaxKeys", p.maxKeys())
                .element("Delimiter", p.out(p.delimiter()))
                .element("IsTruncated", page.truncated());
        if (page.truncated()) {
            xml.element("NextKeyMarker", p.out(page.nextKeyMarker()))
                    .element("NextVersionIdMarker", page.nextVersionIdMarker());
        }
        if (p.urlEncoding()) {
            xml.element("EncodingType", "url");
        }
        for (VersionsPage.Entry e : page.versions()) {
            ObjectInfo o = e.info();
            xml.start(o.deleteMarker() ? "DeleteMarker" : "Version")
                    .element("Key", p.out(o.key()))
                    .element("VersionId", o.versionId())
                    .element("IsLatest", e.latest())
                    .element("LastModified", o.lastModified());
            if (!o.deleteMarker()) {
                xml.element("ETag", ObjectHeaders.quote(o.etag())).element("Size", o.size());
                String sc = o.metadata().storageClass();
                xml.element("StorageClass", sc == null ? "STANDARD" : sc);
            }
            xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
            xml.end();
        }
        for (String cp : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", p.out(cp)).end();
        }
        ex.sendXml(200, xml);
    }
}
