package dev.s3aas.node.storage;

import java.util.Map;

/**
 * What the client stored with an object besides its bytes: the standard representation headers S3 keeps
 * (PutObject: Content-Type, Content-Encoding, Content-Disposition, Content-Language, Cache-Control, Expires),
 * the storage class and the user metadata ({@code x-amz-meta-*}, names lower-cased without the prefix).
 * Any field may be null; {@code user} is never null.
 */
public record ObjectMetadata(
        String contentType,
        String contentEncoding,
        String contentDisposition,
        String contentLanguage,
        String cacheControl,
        String expires,
        String storageClass,
        Map<String, String> user) {

    public static final ObjectMetadata EMPTY = new ObjectMetadata(null, null, null, null, null, null, null, Map.of());

    public ObjectMetadata {
        user = user == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(user));
    }

    /** Total size S3 counts against the 2 KiB user-metadata limit: names plus values, in UTF-8 bytes. */
    public int userMetadataSize() {
        int n = 0;
        for (var e : user.entrySet()) {
            n += utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        return n;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
