package dev.s3aas.controlplane.policy;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Paging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for policies. */
public final class PolicyRepository {
    static final RowMapper<Policy> MAPPER = (rs, ctx) -> new Policy(rs.getString("uuid"), rs.getString("instance_id"),
            rs.getString("name"), new PolicyDocument(rs.getString("content")), rs.getString("status"),
            rs.getString("status_reason"), rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, Policy p) {
        h.createUpdate("INSERT INTO policies (uuid, instance_id, name, content, status, status_reason, created_at, "
                        + "updated_at) VALUES (:uuid, :i, :name, :content, :s, :r, :c, :u)")
                .bind("uuid", p.uuid()).bind("i", p.instanceId()).bind("name", p.name())
                .bind("content", p.content().json()).bind("s", p.status()).bind("r", p.statusReason())
                .bind("c", p.createdAt()).bind("u", p.updatedAt()).execute();
    }

    /** Writes {@code p} over the row last written at {@code seenUpdatedAt}; the row count is 0 if it changed since. */
    public int update(Handle h, Policy p, long seenUpdatedAt) {
        return h.createUpdate("UPDATE policies SET name = :name, content = :content, status = :s, status_reason = :r, "
                        + "updated_at = :u WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", p.uuid()).bind("name", p.name()).bind("content", p.content().json())
                .bind("s", p.status()).bind("r", p.statusReason()).bind("u", p.updatedAt())
                .bind("seen", seenUpdatedAt).execute();
    }

    public Optional<Policy> find(Handle h, String instanceId, String ref) {
        String col = Ids.looksLikeUuid(ref) ? "uuid" : "name";
        return h.createQuery("SELECT * FROM policies WHERE instance_id = :i AND " + col + " = :v")
                .bind("i", instanceId).bind("v", ref).map(MAPPER).findOne();
    }

    public Page<Policy> list(Handle h, String instanceId, PageRequest pr) {
        return Paging.list(h, "policies", "instance_id = :i", Map.of("i", instanceId), "name", pr, MAPPER, Policy::uuid);
    }

    public List<Policy> all(Handle h, String instanceId) {
        return h.createQuery("SELECT * FROM policies WHERE instance_id = :i").bind("i", instanceId).map(MAPPER).list();
    }

    public long attachments(Handle h, String policyId) {
        return h.createQuery("SELECT COUNT(*) FROM user_policies WHERE policy_id = :p").bind("p", policyId)
                .mapTo(Long.class).one();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM policies WHERE uuid = :u").bind("u", uuid).execute();
    }

    public void recordStatus(Handle h, String uuid, long seenUpdatedAt, String status, String reason) {
        h.createUpdate("UPDATE policies SET status = :s, status_reason = :r WHERE uuid = :u AND updated_at = :seen")
                .bind("u", uuid).bind("seen", seenUpdatedAt).bind("s", status).bind("r", reason).execute();
    }
}
