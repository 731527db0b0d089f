package dev.s3aas.controlplane.bucket;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import java.util.Map;

/**
 * A bucket's desired settings and its sync status (PENDING until the reconciler applied it on the
 * nodes, then ACTIVE, or ERROR with the node's error text).
 */
public record Bucket(
        String uuid,
        String instanceId,
        BucketName name,
        boolean versioningEnabled,
        boolean objectLockEnabled,
        long quotaBytes,
        boolean publicRead,
        RetentionMode retentionMode,
        Integer retentionDays,
        String status,
        String statusReason,
        long createdAt,
        long updatedAt) {

    /** Object Lock default retention modes (S3 PutObjectLockConfiguration). */
    public enum RetentionMode { GOVERNANCE, COMPLIANCE }

    public Bucket {
        if (quotaBytes < 0) {
            throw ApiError.invalid("quota_bytes", "quota_bytes must be 0 (no quota) or positive");
        }
        if (objectLockEnabled && !versioningEnabled) {
            throw new ApiError.Unprocessable("object_lock_requires_versioning",
                    "object lock requires versioning_enabled = true", "versioning_enabled");
        }
        if ((retentionMode == null) != (retentionDays == null)) {
            throw new ApiError.Unprocessable("incomplete_retention",
                    "default_retention_mode and default_retention_days are set together",
                    retentionMode == null ? "default_retention_mode" : "default_retention_days");
        }
        if (retentionMode != null && !objectLockEnabled) {
            throw new ApiError.Unprocessable("retention_requires_object_lock",
                    "a default retention needs object_lock_enabled = true", "default_retention_mode");
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > 36500)) {
            throw ApiError.invalid("default_retention_days", "default_retention_days must be between 1 and 36500");
        }
    }

    public static RetentionMode parseMode(String s) {
        if (s == null) {
            return null;
        }
        try {
            return RetentionMode.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("default_retention_mode", "default_retention_mode must be GOVERNANCE or COMPLIANCE");
        }
    }

    public Map<String, Object> view(String projectId) {
        return View.of(uuid).put("name", name.value()).put("instance_id", instanceId)
                .put("versioning_enabled", versioningEnabled).put("object_lock_enabled", objectLockEnabled)
                .put("quota_bytes", quotaBytes).put("public", publicRead)
                .put("default_retention_mode", retentionMode == null ? null : retentionMode.name())
                .put("default_retention_days", retentionDays)
                .put("status", status).put("status_reason", statusReason)
                .end(projectId, createdAt, updatedAt);
    }
}
