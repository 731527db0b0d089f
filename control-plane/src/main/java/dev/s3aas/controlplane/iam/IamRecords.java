package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import dev.s3aas.controlplane.db.Ids;
import java.util.Map;
import java.util.regex.Pattern;

/** The IAM records: control-plane users, projects and role bindings. */
public final class IamRecords {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,62}");

    private IamRecords() {}

    /**
     * A login name or project name: 1..63 of letters, digits and {@code . _ @ -}, not starting with
     * punctuation, and not shaped like a UUID, since path segments and references take either and a
     * UUID-shaped value is always looked up as a uuid.
     */
    public static String checkName(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiError.invalid(field, field + " must be 1-63 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        if (Ids.looksLikeUuid(name)) {
            throw ApiError.invalid(field, field + " must not be shaped like a UUID (references take a uuid or a name)");
        }
        return name;
    }

    public record IamUser(String uuid, String name, String passwordHash, boolean admin, String status,
            long createdAt, long updatedAt) {
        public IamUser {
            checkName("name", name);
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        public Map<String, Object> view() {
            return View.of(uuid).put("name", name).put("is_admin", admin).put("status", status)
                    .end(null, createdAt, updatedAt);
        }
    }

    public record Project(String uuid, String name, String description, long createdAt, long updatedAt) {
        public Project {
            checkName("name", name);
        }

        public Map<String, Object> view() {
            return View.of(uuid).put("name", name).put("description", description).put("status", "ACTIVE")
                    .end(uuid, createdAt, updatedAt);
        }
    }

    public record RoleBinding(String uuid, String userId, String projectId, Role role, long createdAt, long updatedAt) {
        public Map<String, Object> view() {
            return View.of(uuid).put("user_id", userId).put("role", role.externalName()).put("status", "ACTIVE")
                    .end(projectId, createdAt, updatedAt);
        }
    }
}
