package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GET / — ListBuckets: the buckets the caller may see, in name order, optionally filtered by {@code prefix} and
 * {@code bucket-region} and paged by {@code max-buckets} (1–10000) and {@code continuation-token} (opaque to the
 * client; here the last name returned, base64url-encoded), as AWS documents for ListBuckets.
 */
record ListBuckets(ObjectStore store, String ownerId, AccessControl access) implements Operation {
    private static final int MAX_BUCKETS = 10_000;

    @Override
    public void handle(S3Exchange ex) throws S3Exception {
        String prefix = ex.query().get("prefix");
        String region = ex.query().get("bucket-region");
        int max = maxBuckets(ex.query().get("max-buckets"));
        String after = after(ex.query().get("continuation-token"));
        Xml xml = Xml.document("ListAllMyBucketsResult");
        xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
        xml.start("Buckets");
        var visible = access.bucketVisibility(ex);
        int listed = 0;
        String last = null;
        boolean more = false;
        for (BucketInfo b : store.listBuckets()) {
            if ((after != null && b.name().compareTo(after) <= 0) || (prefix != null && !b.name().startsWith(prefix))
                    || (region != null && !region.equals(b.region())) || !visible.test(b.name())) {
                continue;
            }
            if (listed == max) {
                more = true;
                break;
            }
            xml.start("Bucket").element("Name", b.name()).element("CreationDate", b.created())
                    .element("BucketRegion", b.region()).end();
            listed++;
            last = b.name();
        }
        xml.end();
        if (more) {
            xml.element("ContinuationToken",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        if (prefix != null) {
            xml.element("Prefix", prefix);
        }
        ex.sendXml(200, xml);
    }

    private static int maxBuckets(String v) throws S3Exception {
        if (v == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_BUCKETS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "max-buckets must be an integer between 1 and 10000.");
    }

    private static String after(String token) throws S3Exception {
        if (token == null) {
            return null;
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            BucketName.parse(name);
            return name;
        } catch (IllegalArgumentException | S3Exception e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The continuation token provided is incorrect.");
        }
    }
}
