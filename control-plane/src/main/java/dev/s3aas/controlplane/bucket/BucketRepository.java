package dev.s3aas.controlplane.bucket;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Paging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for buckets. */
public final class BucketRepository {
    static final RowMapper<Bucket> MAPPER = (rs, ctx) -> new Bucket(rs.getString("uuid"), rs.getString("instance_id"),
            new BucketName(rs.getString("name")), rs.getBoolean("versioning_enabled"),
            rs.getBoolean("object_lock_enabled"), rs.getLong("quota_bytes"), rs.getBoolean("public_read"),
            Bucket.parseMode(rs.getString("default_retention_mode")),
            rs.getObject("default_retention_days") == null ? null : rs.getInt("default_retention_days"),
            rs.getString("status"), rs.getString("status_reason"), rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, Bucket b) {
        h.createUpdate("INSERT INTO buckets (uuid, instance_id, name, versioning_enabled, object_lock_enabled, quota_bytes, "
                        + "public_read, default_retention_mode, default_retention_days, status, status_reason, created_at, "
                        + "updated_at) VALUES (:uuid, :instance, :name, :versioning, :lock, :quota, :public, :mode, :days, "
                        + ":status, :reason, :c, :u)")
                .bindMap(binds(b)).bind("c", b.createdAt()).execute();
    }

    /** Writes {@code b} over the row last written at {@code seenUpdatedAt}; the row count is 0 if it changed since. */
    public int update(Handle h, Bucket b, long seenUpdatedAt) {
        return h.createUpdate("UPDATE buckets SET versioning_enabled = :versioning, quota_bytes = :quota, "
                        + "public_read = :public, default_retention_mode = :mode, default_retention_days = :days, "
                        + "status = :status, status_reason = :reason, updated_at = :u WHERE uuid = :uuid AND updated_at = :seen")
                .bindMap(binds(b)).bind("seen", seenUpdatedAt).execute();
    }

    private static Map<String, Object> binds(Bucket b) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("uuid", b.uuid());
        m.put("instance", b.instanceId());
        m.put("name", b.name().value());
        m.put("versioning", b.versioningEnabled());
        m.put("lock", b.objectLockEnabled());
        m.put("quota", b.quotaBytes());
        m.put("public", b.publicRead());
        m.put("mode", b.retentionMode() == null ? null : b.retentionMode().name());
        m.put("days", b.retentionDays());
        m.put("status", b.status());
        m.put("reason", b.statusReason());
        m.put("u", b.updatedAt());
        return m;
    }

    public Optional<Bucket> find(Handle h, String instanceId, String ref) {
        String col = Ids.looksLikeUuid(ref) ? "uuid" : "name";
        return h.createQuery("SELECT * FROM buckets WHERE instance_id = :i AND " + col + " = :v")
                .bind("i", instanceId).bind("v", ref).map(MAPPER).findOne();
    }

    public Page<Bucket> list(Handle h, String instanceId, PageRequest pr) {
        return Paging.list(h, "buckets", "instance_id = :i", Map.of("i", instanceId), "name", pr, MAPPER, Bucket::uuid);
    }

    public List<Bucket> all(Handle h, String instanceId) {
        return h.createQuery("SELECT * FROM buckets WHERE instance_id = :i ORDER BY name").bind("i", instanceId)
                .map(MAPPER).list();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM buckets WHERE uuid = :u").bind("u", uuid).execute();
    }

    /** The reconciler's verdict; skipped when the row changed since it was read (a newer spec is pending). */
    public void recordStatus(Handle h, String uuid, long seenUpdatedAt, String status, String reason) {
        h.createUpdate("UPDATE buckets SET status = :s, status_reason = :r WHERE uuid = :u AND updated_at = :seen")
                .bind("u", uuid).bind("seen", seenUpdatedAt).bind("s", status).bind("r", reason).execute();
    }
}
