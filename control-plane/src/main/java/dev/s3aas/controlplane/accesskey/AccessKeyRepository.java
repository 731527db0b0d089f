package dev.s3aas.controlplane.accesskey;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Paging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for access keys. */
public final class AccessKeyRepository {
    private static final String VIEW = "(SELECT k.*, u.name AS user_name FROM access_keys k "
            + "JOIN s3_users u ON u.uuid = k.user_id) AS kv";
    static final RowMapper<AccessKey> MAPPER = (rs, ctx) -> new AccessKey(rs.getString("uuid"),
            rs.getString("instance_id"), rs.getString("user_id"), rs.getString("user_name"), rs.getString("access_key"),
            rs.getString("secret"), rs.getString("description"), rs.getString("status"),
            rs.getObject("expires_at") == null ? null : rs.getLong("expires_at"),
            rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, AccessKey k) {
        h.createUpdate("INSERT INTO access_keys (uuid, instance_id, user_id, access_key, secret, description, status, "
                        + "expires_at, created_at, updated_at) VALUES (:uuid, :i, :u, :ak, :secret, :d, :s, :e, :c, :up)")
                .bind("uuid", k.uuid()).bind("i", k.instanceId()).bind("u", k.userId()).bind("ak", k.accessKey())
                .bind("secret", k.secretSealed()).bind("d", k.description()).bind("s", k.status())
                .bind("e", k.expiresAt()).bind("c", k.createdAt()).bind("up", k.updatedAt()).execute();
    }

    /** Writes {@code k} over the row last written at {@code seenUpdatedAt}; the row count is 0 if it changed since. */
    public int update(Handle h, AccessKey k, long seenUpdatedAt) {
        return h.createUpdate("UPDATE access_keys SET description = :d, status = :s, expires_at = :e, updated_at = :up "
                        + "WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", k.uuid()).bind("d", k.description()).bind("s", k.status()).bind("e", k.expiresAt())
                .bind("up", k.updatedAt()).bind("seen", seenUpdatedAt).execute();
    }

    /** By uuid or access key id, within one user. */
    public Optional<AccessKey> find(Handle h, String userId, String ref) {
        return h.createQuery("SELECT * FROM " + VIEW + " WHERE user_id = :u AND (uuid = :v OR access_key = :v)")
                .bind("u", userId).bind("v", ref).map(MAPPER).findFirst();
    }

    public Page<AccessKey> list(Handle h, String userId, PageRequest pr) {
        return Paging.list(h, VIEW, "user_id = :u", Map.of("u", userId), "access_key", pr, MAPPER, AccessKey::uuid);
    }

    public List<AccessKey> all(Handle h, String instanceId) {
        return h.createQuery("SELECT * FROM " + VIEW + " WHERE instance_id = :i").bind("i", instanceId).map(MAPPER).list();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM access_keys WHERE uuid = :u").bind("u", uuid).execute();
    }
}
