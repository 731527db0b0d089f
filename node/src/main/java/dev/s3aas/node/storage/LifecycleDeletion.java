package dev.s3aas.node.storage;

import java.time.Instant;

/**
 * One deletion a lifecycle rule decided on, with what the decision saw: it is applied only if that still holds
 * when it commits ({@link ObjectStore#expire}), so a version written or restored after the listing is never hit.
 */
public sealed interface LifecycleDeletion {
    String key();

    /**
     * Expiration of the current version (S3 "Expiring objects"): in a versioned bucket a delete marker is added,
     * otherwise the object is deleted. Only while the current version is still {@code versionId} written at
     * {@code lastModified} (unversioned objects all have version id "null", so the time tells them apart).
     */
    record CurrentVersion(String key, String versionId, Instant lastModified) implements LifecycleDeletion {}

    /** NoncurrentVersionExpiration: that noncurrent version is removed for good, if it is still there unchanged. */
    record NoncurrentVersion(String key, String versionId, Instant lastModified) implements LifecycleDeletion {}

    /**
     * An expired object delete marker: removed only while it is the current version and the key's only version.
     */
    record ExpiredDeleteMarker(String key, String versionId) implements LifecycleDeletion {}
}
