package dev.s3aas.controlplane.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Paging;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for clusters; list-valued columns are JSON text. Callers own the transaction. */
public final class ClusterRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A gateway's health as stored (the JSON form of {@link GatewayHealth}). */
    private record StoredHealth(String url, boolean healthy, String detail, long checkedAt) {}

    static final RowMapper<Cluster> MAPPER = (rs, ctx) -> new Cluster(
            rs.getString("uuid"), rs.getString("name"), Engine.valueOf(rs.getString("engine")),
            read(rs.getString("gateways"), new TypeReference<List<String>>() {}).stream().map(URI::create).toList(),
            rs.getString("admin_access_key"), rs.getString("admin_secret"),
            rs.getString("prometheus_url") == null ? null : URI.create(rs.getString("prometheus_url")),
            rs.getString("description"), ClusterStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
            read(rs.getString("gateway_health"), new TypeReference<List<StoredHealth>>() {}).stream()
                    .map(h -> new GatewayHealth(URI.create(h.url()), h.healthy(), h.detail(), h.checkedAt())).toList(),
            rs.getString("ceph_health"),
            Capabilities.fromView(read(rs.getString("capabilities"), new TypeReference<Map<String, Object>>() {})),
            rs.getObject("probed_at") == null ? null : rs.getLong("probed_at"),
            rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, Cluster c) {
        h.createUpdate("INSERT INTO clusters (uuid, name, engine, gateways, admin_access_key, admin_secret, "
                        + "prometheus_url, description, status, status_reason, gateway_health, capabilities, probed_at, "
                        + "created_at, updated_at) VALUES (:uuid, :name, :engine, :gateways, :ak, :sk, :prom, :d, "
                        + ":status, :reason, :health, :caps, :probed, :created, :updated)")
                .bind("uuid", c.uuid()).bind("name", c.name()).bind("engine", c.engine().name())
                .bind("gateways", gatewaysJson(c)).bind("ak", c.adminAccessKey()).bind("sk", c.adminSecretSealed())
                .bind("prom", c.prometheusUrl() == null ? null : c.prometheusUrl().toString())
                .bind("d", c.description()).bind("status", c.status().name()).bind("reason", c.statusReason())
                .bind("health", healthJson(c)).bind("caps", write(c.capabilities().view()))
                .bind("probed", c.probedAt()).bind("created", c.createdAt()).bind("updated", c.updatedAt())
                .execute();
    }

    /**
     * Writes the administrator-set fields if the row is still as read ({@code updated_at = seen}) and resets
     * the probe results: new gateways or keys are probed again before anything trusts them.
     */
    public int updateSpec(Handle h, Cluster c, long seenUpdatedAt) {
        return h.createUpdate("UPDATE clusters SET gateways = :gateways, admin_access_key = :ak, admin_secret = :sk, "
                        + "prometheus_url = :prom, description = :d, status = 'PENDING', status_reason = '', "
                        + "probed_at = NULL, updated_at = :updated WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", c.uuid()).bind("gateways", gatewaysJson(c)).bind("ak", c.adminAccessKey())
                .bind("sk", c.adminSecretSealed())
                .bind("prom", c.prometheusUrl() == null ? null : c.prometheusUrl().toString())
                .bind("d", c.description()).bind("updated", c.updatedAt()).bind("seen", seenUpdatedAt).execute();
    }

    /** Records a probe, unless an administrator changed the cluster since it was read (then it is probed again). */
    public void recordProbe(Handle h, Cluster probed, long seenUpdatedAt) {
        h.createUpdate("UPDATE clusters SET status = :status, status_reason = :reason, gateway_health = :health, "
                        + "ceph_health = :ceph, capabilities = :caps, probed_at = :probed WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", probed.uuid()).bind("status", probed.status().name())
                .bind("reason", truncate(probed.statusReason())).bind("health", healthJson(probed)).bind("ceph", probed.cephHealth())
                .bind("caps", write(probed.capabilities().view())).bind("probed", probed.probedAt())
                .bind("seen", seenUpdatedAt).execute();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM clusters WHERE uuid = :uuid").bind("uuid", uuid).execute();
    }

    public Optional<Cluster> find(Handle h, String ref) {
        String col = Ids.looksLikeUuid(ref) ? "uuid" : "name";
        return h.createQuery("SELECT * FROM clusters WHERE " + col + " = :v").bind("v", ref).map(MAPPER).findOne();
    }

    public List<Cluster> all(Handle h) {
        return h.createQuery("SELECT * FROM clusters ORDER BY created_at, uuid").map(MAPPER).list();
    }

    public Page<Cluster> list(Handle h, PageRequest pr) {
        return Paging.list(h, "clusters", "1 = 1", Map.of(), "name", pr, MAPPER, Cluster::uuid);
    }

    /** Ids of the instances that run on the cluster (they are re-reconciled when it changes). */
    public List<String> instanceIds(Handle h, String clusterId) {
        return h.createQuery("SELECT uuid FROM instances WHERE cluster_id = :c").bind("c", clusterId)
                .mapTo(String.class).list();
    }

    private static String gatewaysJson(Cluster c) {
        return write(c.gateways().stream().map(URI::toString).toList());
    }

    private static String healthJson(Cluster c) {
        return write(c.gatewayHealth().stream()
                .map(g -> new StoredHealth(g.url().toString(), g.healthy(), g.detail(), g.checkedAt())).toList());
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String s, TypeReference<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in clusters: " + e.getOriginalMessage(), e);
        }
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
