package dev.s3aas.controlplane.accesskey;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An access key of an instance IAM user. On the nodes it is a user named by the access key id,
 * with the key's secret and the policies of its IAM user. The secret is stored encrypted
 * ({@code secretSealed}) and returned once, in the create response.
 */
public record AccessKey(String uuid, String instanceId, String userId, String userName, String accessKey,
        String secretSealed, String description, String status, Long expiresAt, long createdAt, long updatedAt) {
    private static final Pattern ID = Pattern.compile("[A-Z0-9]{20}");

    public AccessKey {
        if (!ID.matcher(accessKey).matches()) {
            throw new IllegalArgumentException("access key ids are 20 upper-case letters and digits");
        }
        if (!"ACTIVE".equals(status) && !"INACTIVE".equals(status)) {
            throw ApiError.invalid("status", "status must be ACTIVE or INACTIVE");
        }
        if (description.length() > 1024) {
            throw ApiError.invalid("description", "description is limited to 1024 characters");
        }
    }

    /** Checks a caller-chosen secret: the node (MinIO admin API) accepts 8 to 40 characters. */
    public static String checkSecret(String secret) {
        if (secret.length() < 8 || secret.length() > 40 || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiError.invalid("secret_key", "secret_key must be 8 to 40 printable ASCII characters without spaces");
        }
        return secret;
    }

    /** Usable on the nodes right now: ACTIVE and not expired. */
    public boolean usableAt(long now) {
        return "ACTIVE".equals(status) && (expiresAt == null || expiresAt > now);
    }

    public Map<String, Object> view(String projectId, String plaintextSecret) {
        View v = View.of(uuid).put("access_key", accessKey).put("user", userName).put("user_id", userId)
                .put("instance_id", instanceId).put("description", description).put("status", status)
                .put("expires_at", View.time(expiresAt));
        if (plaintextSecret != null) {
            v.put("secret_key", plaintextSecret);
        }
        return v.end(projectId, createdAt, updatedAt);
    }
}
