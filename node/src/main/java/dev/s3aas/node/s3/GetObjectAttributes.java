package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * GET /bucket/key?attributes — GetObjectAttributes: the attributes named in {@code x-amz-object-attributes}
 * (ETag, Checksum, ObjectParts, StorageClass, ObjectSize) without the body. The part count travels as
 * {@code PartsCount} (the wire name of TotalPartsCount in the S3 model). ObjectParts pages with
 * {@code x-amz-max-parts} and {@code x-amz-part-number-marker}; parts carry number and size (their checksums
 * are not reported; the object's own checksum is, under Checksum). An SSE-C version needs its key, as on HEAD.
 */
record GetObjectAttributes(ObjectStore store, SseCustomerKey.Reader keys) implements Operation {
    private static final int DEFAULT_MAX_PARTS = 1000;

    enum Attribute { ETAG, CHECKSUM, OBJECTPARTS, STORAGECLASS, OBJECTSIZE }

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        // SDKs send the list as one comma-separated header or as one header per attribute (AWS SDK for Java v2).
        Set<Attribute> wanted = attributes(String.join(",", ex.requestHeaders().getValuesList("x-amz-object-attributes")));
        SseCustomerKey customer = keys.of(ex);
        ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
        // As HeadObject: an SSE-C version answers only to its key (AWS requires the SSE-C headers here too).
        SseCustomerKey.check(info, customer);
        if (HeadObject.preconditions(ex, info)) {
            return;
        }
        Xml xml = Xml.document("GetObjectAttributesOutput");
        if (wanted.contains(Attribute.ETAG)) {
            xml.element("ETag", info.etag());
        }
        if (wanted.contains(Attribute.CHECKSUM) && info.checksum() != null) {
            xml.start("Checksum").element(info.checksum().algorithm().xmlElement(), info.checksum().value())
                    .element("ChecksumType", info.checksum().type()).end();
        }
        if (wanted.contains(Attribute.OBJECTPARTS) && info.partsCount() > 0) {
            parts(ex, info, xml);
        }
        if (wanted.contains(Attribute.STORAGECLASS)) {
            String sc = info.metadata().storageClass();
            xml.element("StorageClass", sc == null ? "STANDARD" : sc);
        }
        if (wanted.contains(Attribute.OBJECTSIZE)) {
            xml.element("ObjectSize", info.size());
        }
        ex.setHeader("Last-Modified", HttpDates.format(info.lastModified()));
        ObjectHeaders.setVersionId(ex, info.versionId());
        ex.sendXml(200, xml);
    }

    private static void parts(S3Exchange ex, ObjectInfo info, Xml xml) throws S3Exception {
        int max = number(ex.header("x-amz-max-parts"), DEFAULT_MAX_PARTS, "x-amz-max-parts");
        int marker = number(ex.header("x-amz-part-number-marker"), 0, "x-amz-part-number-marker");
        int total = info.partsCount();
        int last = Math.min(total, marker + max);
        xml.start("ObjectParts").element("PartsCount", total).element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", last).element("MaxParts", max).element("IsTruncated", last < total);
        for (int n = marker + 1; n <= last; n++) {
            xml.start("Part").element("PartNumber", n).element("Size", info.partSizes().get(n - 1)).end();
        }
        xml.end();
    }

    private static int number(String v, int absent, String header) throws S3Exception {
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, header + " must be a non-negative integer.");
    }

    static Set<Attribute> attributes(String header) throws S3Exception {
        Set<Attribute> out = EnumSet.noneOf(Attribute.class);
        if (header != null) {
            for (String a : header.split(",")) {
                String t = a.trim();
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Attribute.valueOf(t.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid attribute name specified: " + t);
                }
            }
        }
        if (out.isEmpty()) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "The x-amz-object-attributes header specifying the attributes to be retrieved is either missing or empty");
        }
        return out;
    }
}
