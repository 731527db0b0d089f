package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ListPage;
import dev.s3aas.node.storage.ListQuery;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GET /bucket?list-type=2 — ListObjectsV2: opaque continuation tokens, {@code start-after}, {@code KeyCount},
 * owner only on request.
 */
record ListObjectsV2(ObjectStore store, String ownerId) implements Operation {
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
        ListObjects.contents(xml, page, p, fetchOwner ? ownerId : null);
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
