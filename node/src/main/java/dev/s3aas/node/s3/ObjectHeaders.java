package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;

/** Object metadata in and out of HTTP headers (PutObject request headers; GetObject/HeadObject response headers). */
final class ObjectHeaders {
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final String META = "x-amz-meta-";
    private static final int MAX_USER_METADATA = 2048;
    private static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA",
            "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW",
            "EXPRESS_ONEZONE");

    private ObjectHeaders() {}

    /** The metadata a PutObject / CreateMultipartUpload / CopyObject(REPLACE) request carries. */
    static ObjectMetadata fromRequest(S3Exchange ex) throws S3Exception {
        Map<String, String> user = new LinkedHashMap<>();
        for (HttpField f : ex.requestHeaders()) {
            String name = f.getLowerCaseName();
            if (name.startsWith(META) && name.length() > META.length()) {
                user.merge(name.substring(META.length()), f.getValue(), (a, b) -> a + "," + b);
            }
        }
        return metadata(ex::header, user, Tagging.fromHeader(ex.header("x-amz-tagging")),
                ObjectLockHeaders.fromRequest(ex));
    }

    /**
     * Validated metadata from header-like fields ({@code header} looks a field up by its header name): the
     * checks every way of creating an object shares, request headers or POST form fields alike.
     */
    static ObjectMetadata metadata(java.util.function.UnaryOperator<String> header, Map<String, String> user,
                                   Map<String, String> tags, dev.s3aas.node.storage.ObjectLock lock)
            throws S3Exception {
        String storageClass = header.apply("x-amz-storage-class");
        if (storageClass != null && !STORAGE_CLASSES.contains(storageClass)) {
            throw new S3Exception(S3ErrorCode.InvalidStorageClass);
        }
        ObjectMetadata m = new ObjectMetadata(header.apply("Content-Type"),
                contentEncoding(header.apply("Content-Encoding")), header.apply("Content-Disposition"),
                header.apply("Content-Language"), header.apply("Cache-Control"), header.apply("Expires"),
                storageClass, user, tags, lock, null);
        if (m.userMetadataSize() > MAX_USER_METADATA) {
            throw new S3Exception(S3ErrorCode.MetadataTooLarge);
        }
        return m;
    }

    /**
     * The Content-Encoding to store: "aws-chunked" describes the upload's framing, not the object, so S3 drops
     * it and keeps the rest (SDKs send e.g. "gzip,aws-chunked").
     */
    static String contentEncoding(String header) {
        if (header == null || !header.contains("aws-chunked")) {
            return header;
        }
        StringBuilder kept = new StringBuilder();
        for (String token : header.split(",")) {
            String t = token.trim();
            if (!t.isEmpty() && !t.equalsIgnoreCase("aws-chunked")) {
                kept.append(kept.length() == 0 ? "" : ",").append(t);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /**
     * Headers GET and HEAD return for an object: validators, representation metadata, user metadata.
     *
     * @param range the bytes being returned, or null for all of them
     */
    static void toResponse(S3Exchange ex, ObjectInfo info, ByteRange range) {
        ObjectMetadata m = info.metadata();
        ex.setHeader("ETag", quote(info.etag()));
        ex.setHeader("Last-Modified", HttpDates.format(info.lastModified()));
        ex.setHeader("Accept-Ranges", "bytes");
        ex.setHeader("Content-Type", m.contentType() != null ? m.contentType() : DEFAULT_CONTENT_TYPE);
        ex.setHeader("Content-Encoding", m.contentEncoding());
        ex.setHeader("Content-Disposition", m.contentDisposition());
        ex.setHeader("Content-Language", m.contentLanguage());
        ex.setHeader("Cache-Control", m.cacheControl());
        ex.setHeader("Expires", m.expires());
        if (m.storageClass() != null && !m.storageClass().equals("STANDARD")) {
            ex.setHeader("x-amz-storage-class", m.storageClass());
        }
        for (var e : m.user().entrySet()) {
            ex.setHeader(META + e.getKey(), e.getValue());
        }
        setVersionId(ex, info.versionId());
        if (!m.tags().isEmpty()) {
            ex.setHeader("x-amz-tagging-count", Integer.toString(m.tags().size()));
        }
        ObjectLockHeaders.toResponse(ex, m.lock());
        if (info.customerKeyVerifier() == null) {
            // SSE-C answers carry the key's algorithm and MD5 instead, set by the operation that has the key.
            ServerSideEncryption.toResponse(ex, info, null);
        }
        if (info.partsCount() > 0) {
            ex.setHeader("x-amz-mp-parts-count", Integer.toString(info.partsCount()));
        }
        // The stored checksum covers the whole object: on a partial answer it would not match the bytes sent, and
        // SDKs that validate response checksums (boto3 >= 1.36) would fail every ranged read. S3 omits it too.
        boolean whole = range == null || (range.first() == 0 && range.length() == info.size());
        if (whole && info.checksum() != null && "ENABLED".equalsIgnoreCase(ex.header("x-amz-checksum-mode"))) {
            ex.setHeader(info.checksum().algorithm().headerName(), info.checksum().value());
            ex.setHeader("x-amz-checksum-type", info.checksum().type());
        }
    }

    /**
     * GetObject's {@code response-*} query parameters override response headers. S3 allows them only on
     * signed requests.
     */
    static void applyOverrides(S3Exchange ex) throws S3Exception {
        String[][] overrides = {
            {"response-content-type", "Content-Type"}, {"response-content-language", "Content-Language"},
            {"response-expires", "Expires"}, {"response-cache-control", "Cache-Control"},
            {"response-content-disposition", "Content-Disposition"},
            {"response-content-encoding", "Content-Encoding"}};
        for (String[] o : overrides) {
            String v = ex.query().get(o[0]);
            if (v != null) {
                if (ex.isAnonymous()) {
                    throw new S3Exception(S3ErrorCode.InvalidRequest,
                            "Request specific response headers cannot be used for anonymous GET requests.");
                }
                ex.setHeader(o[1], v);
            }
        }
    }

    /** {@code x-amz-version-id} for versions that have one (the null version goes unmentioned). */
    static void setVersionId(S3Exchange ex, String versionId) {
        if (versionId != null && !versionId.equals("null")) {
            ex.setHeader("x-amz-version-id", versionId);
        }
    }

    static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    /** Strips quotes (and a weak prefix) from a client-supplied ETag. */
    static String unquote(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }
}
