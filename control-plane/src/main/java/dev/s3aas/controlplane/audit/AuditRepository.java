package dev.s3aas.controlplane.audit;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for {@code audit_records} (insert and the filtered, paged list) and the lookups that name a target. */
final class AuditRepository {
    private static final RowMapper<AuditRecord> MAPPER = AuditRepository::map;

    /** The list's filters; null fields do not filter. */
    record Filter(Instant since, String actor, String instance) {}

    void insert(Handle h, AuditRecord r) {
        h.createUpdate("""
                INSERT INTO audit_records (uuid, created_at, request_id, actor, actor_id, token_id, action, method,
                    route, path, project_id, instance_id, client, status, duration_ms, error_code)
                VALUES (:uuid, :at, :rid, :actor, :actorId, :tokenId, :action, :method, :route, :path, :project,
                    :instance, :client, :status, :duration, :error)""")
                .bind("uuid", r.id()).bind("at", r.time().toEpochMilli()).bind("rid", r.requestId())
                .bind("actor", r.actor()).bind("actorId", r.actorId()).bind("tokenId", r.tokenId())
                .bind("action", r.action()).bind("method", r.method()).bind("route", r.route()).bind("path", r.path())
                .bind("project", r.project()).bind("instance", r.instance()).bind("client", r.client())
                .bind("status", r.status()).bind("duration", r.durationMs()).bind("error", r.error())
                .execute();
    }

    /**
     * Records matching the filter, of the given projects (null: all records), oldest first. The actor filter
     * matches the user name or the user id.
     */
    Page<AuditRecord> list(Handle h, Filter f, Set<String> projects, PageRequest pr) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> binds = new HashMap<>();
        if (projects != null) {
            if (projects.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            where.append(" AND project_id IN (");
            int i = 0;
            for (String p : projects) {
                where.append(i == 0 ? "" : ", ").append(":proj").append(i);
                binds.put("proj" + i++, p);
            }
            where.append(")");
        }
        if (f.since() != null) {
            where.append(" AND created_at >= :since");
            binds.put("since", f.since().toEpochMilli());
        }
        if (f.actor() != null) {
            where.append(" AND (actor = :actor OR actor_id = :actor)");
            binds.put("actor", f.actor());
        }
        if (f.instance() != null) {
            where.append(" AND instance_id = :instance");
            binds.put("instance", f.instance());
        }
        // name/status of the generic page request do not apply (the status column is the HTTP status).
        return Paging.list(h, "audit_records", where.toString(), binds, null,
                new PageRequest(pr.limit(), pr.marker(), null, null), MAPPER, AuditRecord::id);
    }

    /** The instances named {@code ref} (a uuid, or a name unique per project): uuid and project of each. */
    List<Map.Entry<String, String>> instances(Handle h, String ref) {
        return h.createQuery("SELECT uuid, project_id FROM instances WHERE uuid = :r OR name = :r").bind("r", ref)
                .map((rs, ctx) -> Map.entry(rs.getString("uuid"), rs.getString("project_id"))).list();
    }

    /** The uuid of the project named {@code ref} (uuid or name). */
    Optional<String> project(Handle h, String ref) {
        return h.createQuery("SELECT uuid FROM projects WHERE uuid = :r OR name = :r").bind("r", ref)
                .mapTo(String.class).findFirst();
    }

    /** The project of a role binding. */
    Optional<String> bindingProject(Handle h, String uuid) {
        return h.createQuery("SELECT project_id FROM role_bindings WHERE uuid = :u").bind("u", uuid)
                .mapTo(String.class).findFirst();
    }

    private static AuditRecord map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new AuditRecord(rs.getString("uuid"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("request_id"), rs.getString("actor"), rs.getString("actor_id"), rs.getString("token_id"),
                rs.getString("action"), rs.getString("method"), rs.getString("route"), rs.getString("path"),
                rs.getString("project_id"), rs.getString("instance_id"), rs.getString("client"), rs.getInt("status"),
                rs.getLong("duration_ms"), rs.getString("error_code"));
    }
}
