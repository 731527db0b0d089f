package dev.s3aas.node.storage;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the client stored with an object version besides its bytes: the standard representation headers S3
 * keeps (PutObject: Content-Type, Content-Encoding, Content-Disposition, Content-Language, Cache-Control,
 * Expires), the storage class, the user metadata ({@code x-amz-meta-*}, names lower-cased without the
 * prefix), the object tags, its object-lock state and its ACL (null: private). Any string field may be null;
 * maps are never null.
 */
public record ObjectMetadata(
        String contentType,
        String contentEncoding,
        String contentDisposition,
        String contentLanguage,
        String cacheControl,
        String expires,
        String storageClass,
        Map<String, String> user,
        Map<String, String> tags,
        ObjectLock lock,
        AccessControlList acl) {

    public static final ObjectMetadata EMPTY = new ObjectMetadata(null, null, null, null, null, null, null, Map.of());

    public ObjectMetadata {
        user = user == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(user));
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Without tags and lock state. */
    public ObjectMetadata(String contentType, String contentEncoding, String contentDisposition, String contentLanguage,
                          String cacheControl, String expires, String storageClass, Map<String, String> user) {
        this(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires, storageClass,
                user, Map.of(), null, null);
    }

    public ObjectMetadata withTags(Map<String, String> newTags) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                expires, storageClass, user, newTags, lock, acl);
    }

    public ObjectMetadata withLock(ObjectLock newLock) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                expires, storageClass, user, tags, newLock, acl);
    }

    /** @param newAcl the version's ACL; null or no grants is private */
    public ObjectMetadata withAcl(AccessControlList newAcl) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                expires, storageClass, user, tags, lock, newAcl == null || newAcl.grants().isEmpty() ? null : newAcl);
    }

    /** Total size S3 counts against the 2 KiB user-metadata limit: names plus values, in UTF-8 bytes. */
    public int userMetadataSize() {
        int n = 0;
        for (var e : user.entrySet()) {
            n += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
