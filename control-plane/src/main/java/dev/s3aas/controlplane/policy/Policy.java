package dev.s3aas.controlplane.policy;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import dev.s3aas.controlplane.db.Ids;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A named IAM policy of an instance. On the nodes it is a canned policy named
 * {@link #nodeName()} ({@code cp-<name>}), so it cannot clash with the node's built-in policies.
 */
public record Policy(String uuid, String instanceId, String name, PolicyDocument content, String status,
        String statusReason, long createdAt, long updatedAt) {
    public static final String NODE_PREFIX = "cp-";
    // IAM policy names are [\w+=,.@-]+, 1-128 characters, but without ',': the node takes a user's
    // attached policies as one comma-separated list, so "a,b" would attach policies "a" and "b".
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+=.@-]{1,120}");

    public Policy {
        if (name == null || !NAME.matcher(name).matches() || Ids.looksLikeUuid(name)) {
            throw ApiError.invalid("name", "policy name must be 1-120 of letters, digits and _+=.@- (and not a UUID)");
        }
    }

    public String nodeName() {
        return NODE_PREFIX + name;
    }

    public Map<String, Object> view(String projectId) {
        return View.of(uuid).put("name", name).put("instance_id", instanceId).put("content", content.tree())
                .put("status", status).put("status_reason", statusReason).end(projectId, createdAt, updatedAt);
    }
}
