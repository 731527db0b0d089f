package dev.s3aas.controlplane.user;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import dev.s3aas.controlplane.db.Ids;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An IAM user inside an instance. It has no credentials of its own: each of its access keys
 * becomes a node user that carries this user's policies, and is disabled when this user is.
 */
public record S3User(String uuid, String instanceId, String name, String description, String status,
        long createdAt, long updatedAt) {
    // The IAM user-name alphabet (AWS IAM CreateUser: [\w+=,.@-]+, 1-64 characters).
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+=,.@-]{1,64}");

    public S3User {
        if (name == null || !NAME.matcher(name).matches() || Ids.looksLikeUuid(name)) {
            throw ApiError.invalid("name", "user name must be 1-64 of letters, digits and _+=,.@- (and not a UUID)");
        }
        if (!"ACTIVE".equals(status) && !"DISABLED".equals(status)) {
            throw ApiError.invalid("status", "status must be ACTIVE or DISABLED");
        }
        if (description.length() > 1024) {
            throw ApiError.invalid("description", "description is limited to 1024 characters");
        }
    }

    public boolean enabled() {
        return "ACTIVE".equals(status);
    }

    public Map<String, Object> view(String projectId) {
        return View.of(uuid).put("name", name).put("instance_id", instanceId).put("description", description)
                .put("status", status).end(projectId, createdAt, updatedAt);
    }
}
