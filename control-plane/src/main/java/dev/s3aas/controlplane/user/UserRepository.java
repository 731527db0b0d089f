package dev.s3aas.controlplane.user;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Paging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for instance IAM users. */
public final class UserRepository {
    static final RowMapper<S3User> MAPPER = (rs, ctx) -> new S3User(rs.getString("uuid"), rs.getString("instance_id"),
            rs.getString("name"), rs.getString("description"), rs.getString("status"),
            rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, S3User u) {
        h.createUpdate("INSERT INTO s3_users (uuid, instance_id, name, description, status, created_at, updated_at) "
                        + "VALUES (:uuid, :i, :name, :d, :s, :c, :u)")
                .bind("uuid", u.uuid()).bind("i", u.instanceId()).bind("name", u.name()).bind("d", u.description())
                .bind("s", u.status()).bind("c", u.createdAt()).bind("u", u.updatedAt()).execute();
    }

    /** Writes {@code u} over the row last written at {@code seenUpdatedAt}; the row count is 0 if it changed since. */
    public int update(Handle h, S3User u, long seenUpdatedAt) {
        return h.createUpdate("UPDATE s3_users SET description = :d, status = :s, updated_at = :u "
                        + "WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", u.uuid()).bind("d", u.description()).bind("s", u.status()).bind("u", u.updatedAt())
                .bind("seen", seenUpdatedAt).execute();
    }

    public Optional<S3User> find(Handle h, String instanceId, String ref) {
        String col = Ids.looksLikeUuid(ref) ? "uuid" : "name";
        return h.createQuery("SELECT * FROM s3_users WHERE instance_id = :i AND " + col + " = :v")
                .bind("i", instanceId).bind("v", ref).map(MAPPER).findOne();
    }

    public Page<S3User> list(Handle h, String instanceId, PageRequest pr) {
        return Paging.list(h, "s3_users", "instance_id = :i", Map.of("i", instanceId), "name", pr, MAPPER, S3User::uuid);
    }

    public List<S3User> all(Handle h, String instanceId) {
        return h.createQuery("SELECT * FROM s3_users WHERE instance_id = :i").bind("i", instanceId).map(MAPPER).list();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM s3_users WHERE uuid = :u").bind("u", uuid).execute();
    }
}
