package dev.s3aas.controlplane.attachment;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Paging;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for user-policy attachments. */
public final class AttachmentRepository {
    private static final String VIEW = "(SELECT a.*, u.name AS user_name, p.name AS policy_name FROM user_policies a "
            + "JOIN s3_users u ON u.uuid = a.user_id JOIN policies p ON p.uuid = a.policy_id) AS av";
    static final RowMapper<Attachment> MAPPER = (rs, ctx) -> new Attachment(rs.getString("uuid"),
            rs.getString("instance_id"), rs.getString("user_id"), rs.getString("user_name"), rs.getString("policy_id"),
            rs.getString("policy_name"), rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, String uuid, String instanceId, String userId, String policyId, long now) {
        h.createUpdate("INSERT INTO user_policies (uuid, instance_id, user_id, policy_id, created_at, updated_at) "
                        + "VALUES (:uuid, :i, :u, :p, :now, :now)")
                .bind("uuid", uuid).bind("i", instanceId).bind("u", userId).bind("p", policyId).bind("now", now)
                .execute();
    }

    public Optional<Attachment> find(Handle h, String userId, String policyId) {
        return h.createQuery("SELECT * FROM " + VIEW + " WHERE user_id = :u AND (policy_id = :p OR uuid = :p)")
                .bind("u", userId).bind("p", policyId).map(MAPPER).findFirst();
    }

    public Page<Attachment> list(Handle h, String userId, PageRequest pr) {
        return Paging.list(h, VIEW, "user_id = :u", Map.of("u", userId), "policy_name", pr, MAPPER, Attachment::uuid);
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM user_policies WHERE uuid = :u").bind("u", uuid).execute();
    }

    /** Node-side policy names per user id, for the reconciler. */
    public Map<String, List<String>> policyNamesByUser(Handle h, String instanceId) {
        Map<String, List<String>> out = new HashMap<>();
        h.createQuery("SELECT * FROM " + VIEW + " WHERE instance_id = :i ORDER BY policy_name").bind("i", instanceId)
                .map(MAPPER)
                .forEach(a -> out.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a.policyName()));
        return out;
    }
}
