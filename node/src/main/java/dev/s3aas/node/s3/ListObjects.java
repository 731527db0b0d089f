package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ListPage;
import dev.s3aas.node.storage.ListQuery;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** GET /bucket — ListObjects (v1) and, with {@code list-type=2}, ListObjectsV2. */
final class ListObjects {
    private ListObjects() {}

    /** Version 1: {@code marker}; {@code NextMarker} only when a delimiter was given (S3 behaviour). */
    record V1(ObjectStore store, String ownerId) implements Operation {
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
    }

    /** Version 2: opaque continuation tokens, {@code start-after}, {@code KeyCount}, owner only on request. */
    record V2(ObjectStore store, String ownerId) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException {
            ListingParams p = ListingParams.from(ex.query());
            String token = ex.query().get("continuation-token");
            String startAfter = ex.query().get("start-after");
            String from = token != null ? decodeToken(token) : startAfter;
            ListPage page = store.listObjects(new ListQuery(ex.bucket(), p.prefix(), p.delimiter(), from, p.maxKeys()));
            Xml xml = Xml.document("ListBucketResult")
                    .element("Name", ex.bucket())
                    .element("Prefix", p.out(p.prefix()))
                    .element("KeyCount", page.objects().size() + page.commonPrefixes().size())
                    .element("MaxKeys", p.maxKeys())
                    .element("Delimiter", p.out(p.delimiter()))
                    .element("IsTruncated", page.truncated())
                    .element("ContinuationToken", token)
                    .element("StartAfter", p.out(startAfter));
            if (page.truncated()) {
                xml.element("NextContinuationToken", encodeToken(page.lastEntry()));
            }
            if (p.urlEncoding()) {
                xml.element("EncodingType", "url");
            }
            boolean fetchOwner = "true".equals(ex.query().get("fetch-owner"));
            contents(xml, page, p, fetchOwner ? ownerId : null);
            ex.sendXml(200, xml);
        }

        static String encodeToken(String lastEntry) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEntry.getBytes(StandardCharsets.UTF_8));
        }

        static String decodeToken(String token) throws S3Exception {
            try {
                String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException();
                }
                return key;
            } catch (IllegalArgumentException e) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "The continuation token provided is incorrect");
            }
        }
    }

    private static void contents(Xml xml, ListPage page, ListingParams p, String ownerId) {
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
