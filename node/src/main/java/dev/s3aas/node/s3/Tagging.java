package dev.s3aas.node.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object and bucket tags: the {@code x-amz-tagging} header (URL-query encoded) and the {@code <Tagging>}
 * document, with S3's limits ("Categorizing your storage using tags"): at most 10 tags per object (50 per
 * bucket), keys 1–128 and values 0–256 Unicode characters, unique keys, no "aws:" prefix.
 */
final class Tagging {
    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;

    private Tagging() {}

    static Map<String, String> fromHeader(String header) throws S3Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            add(tags, k, v);
        }
        validate(tags, MAX_OBJECT_TAGS);
        return tags;
    }

    static Map<String, String> fromDocument(XmlBody.Node doc, int max) throws S3Exception {
        if (!doc.name().equals("Tagging")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        XmlBody.Node set = doc.child("TagSet");
        Map<String, String> tags = new LinkedHashMap<>();
        if (set == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        for (XmlBody.Node tag : set.all("Tag")) {
            String k = tag.childText("Key");
            String v = tag.childText("Value");
            if (k == null) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            add(tags, k, v == null ? "" : v);
        }
        validate(tags, max);
        return tags;
    }

    static Xml document(Map<String, String> tags) {
        Xml xml = Xml.document("Tagging").start("TagSet");
        tags.forEach((k, v) -> xml.start("Tag").element("Key", k).element("Value", v).end());
        return xml.end();
    }

    private static void add(Map<String, String> tags, String k, String v) throws S3Exception {
        if (tags.put(k, v) != null) {
            throw new S3Exception(S3ErrorCode.InvalidTag, "Cannot provide multiple Tags with the same key");
        }
    }

    private static void validate(Map<String, String> tags, int max) throws S3Exception {
        if (tags.size() > max) {
            throw new S3Exception(S3ErrorCode.InvalidTag, "Object tags cannot be greater than " + max);
        }
        for (var e : tags.entrySet()) {
            String k = e.getKey();
            if (k.isEmpty() || k.codePointCount(0, k.length()) > 128) {
                throw new S3Exception(S3ErrorCode.InvalidTag, "The TagKey you have provided is invalid");
            }
            if (k.startsWith("aws:")) {
                throw new S3Exception(S3ErrorCode.InvalidTag, "Your TagKey cannot be prefixed with aws:");
            }
            if (e.getValue().codePointCount(0, e.getValue().length()) > 256) {
                throw new S3Exception(S3ErrorCode.InvalidTag, "The TagValue you have provided is invalid");
            }
        }
    }

    private static String decode(String s) throws S3Exception {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidTag, "The x-amz-tagging header is not valid URL query encoding");
        }
    }
}
