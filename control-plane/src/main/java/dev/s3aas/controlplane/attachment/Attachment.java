package dev.s3aas.controlplane.attachment;

import dev.s3aas.controlplane.api.View;
import java.util.Map;

/** A policy attached to an instance IAM user; every key of the user carries the policy on the nodes. */
public record Attachment(String uuid, String instanceId, String userId, String userName, String policyId,
        String policyName, long createdAt, long updatedAt) {
    public Map<String, Object> view(String projectId) {
        return View.of(uuid).put("user", userName).put("user_id", userId).put("policy", policyName)
                .put("policy_id", policyId).put("status", "ACTIVE").end(projectId, createdAt, updatedAt);
    }
}
