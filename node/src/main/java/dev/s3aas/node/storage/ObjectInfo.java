package dev.s3aas.node.storage;

import java.time.Instant;
import java.util.List;

/**
 * The protocol layer's view of one object version: everything a HEAD answers. {@code etag} is without
 * quotes; {@code versionId} is "null" for objects written while versioning was never enabled.
 * {@code partSizes} is empty unless the object came from a multipart upload. {@code encrypted}: stored with
 * SSE-S3 (AES256) or SSE-C; {@code customerKeyVerifier}: for SSE-C, what recognises its key
 * ({@link CustomerKeys#matches}), else null; {@code kmsKeyId}: the key-ring key of an SSE-KMS version, else null.
 */
public record ObjectInfo(
        String bucket,
        String key,
        String versionId,
        boolean deleteMarker,
        long size,
        String etag,
        Instant lastModified,
        ObjectMetadata metadata,
        Checksum checksum,
        List<Long> partSizes,
        boolean encrypted,
        String customerKeyVerifier,
        String kmsKeyId) {

    public ObjectInfo {
        partSizes = partSizes == null ? List.of() : List.copyOf(partSizes);
    }

    public int partsCount() {
        return partSizes.size();
    }
}
