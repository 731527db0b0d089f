package dev.s3aas.controlplane.instance;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Paging;
import dev.s3aas.controlplane.instance.Instance.Encryption;
import dev.s3aas.controlplane.instance.Instance.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for instances and their generation counter. Callers own the transaction. */
public final class InstanceRepository {
    private static final String SELECT = "(SELECT i.*, v.name AS version_name, c.name AS cluster_name "
            + "FROM instances i JOIN versions v ON v.uuid = i.version_id "
            + "LEFT JOIN clusters c ON c.uuid = i.cluster_id) AS iv";

    static final RowMapper<Instance> MAPPER = (rs, ctx) -> new Instance(
            rs.getString("uuid"), rs.getString("project_id"), rs.getString("name"), rs.getString("description"),
            rs.getString("version_id"), rs.getString("version_name"), rs.getString("cluster_id"),
            rs.getString("cluster_name"), rs.getString("bucket_name"),
            Encryption.valueOf(rs.getString("encryption")), rs.getBoolean("versioning"), rs.getBoolean("mfa_delete"),
            rs.getInt("cpu"), rs.getInt("ram"), rs.getInt("disk_size"), rs.getInt("nodes_number"),
            InstanceStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
            rs.getString("root_user"), rs.getString("root_secret"),
            rs.getLong("generation"), rs.getLong("observed_generation"),
            rs.getLong("created_at"), rs.getLong("updated_at"));

    public void insert(Handle h, Instance i) {
        h.createUpdate("INSERT INTO instances (uuid, project_id, name, description, version_id, cluster_id, bucket_name, encryption, "
                        + "versioning, mfa_delete, cpu, ram, disk_size, nodes_number, status, status_reason, root_user, "
                        + "root_secret, generation, observed_generation, created_at, updated_at) VALUES (:uuid, :project, "
                        + ":name, :description, :version, :cluster, :bucket, :encryption, :versioning, :mfa, :cpu, :ram, :disk, "
                        + ":nodes, :status, :reason, :rootUser, :rootSecret, :gen, :observed, :created, :updated)")
                .bind("uuid", i.uuid()).bind("project", i.projectId()).bind("name", i.name())
                .bind("description", i.description()).bind("version", i.versionId()).bind("cluster", i.clusterId())
                .bind("bucket", i.bucketName())
                .bind("encryption", i.encryption().name()).bind("versioning", i.versioning()).bind("mfa", i.mfaDelete())
                .bind("cpu", i.cpu()).bind("ram", i.ram()).bind("disk", i.diskSize()).bind("nodes", i.nodesNumber())
                .bind("status", i.status().name()).bind("reason", i.statusReason()).bind("rootUser", i.rootUser())
                .bind("rootSecret", i.rootSecretSealed()).bind("gen", i.generation())
                .bind("observed", i.observedGeneration()).bind("created", i.createdAt()).bind("updated", i.updatedAt())
                .execute();
    }

    /**
     * Writes the user-mutable fields and bumps the generation, unless the generation is no longer
     * {@code seenGeneration} (row count 0). The generation is the instance's version: every write
     * but the reconciler's status (which touches no field written here) bumps it.
     */
    public int updateSpec(Handle h, Instance i, long seenGeneration) {
        return h.createUpdate("UPDATE instances SET name = :name, description = :description, encryption = :encryption, "
                        + "versioning = :versioning, mfa_delete = :mfa, cpu = :cpu, ram = :ram, disk_size = :disk, "
                        + "nodes_number = :nodes, generation = generation + 1, updated_at = :updated "
                        + "WHERE uuid = :uuid AND generation = :seen")
                .bind("uuid", i.uuid()).bind("name", i.name()).bind("description", i.description())
                .bind("encryption", i.encryption().name()).bind("versioning", i.versioning()).bind("mfa", i.mfaDelete())
                .bind("cpu", i.cpu()).bind("ram", i.ram()).bind("disk", i.diskSize()).bind("nodes", i.nodesNumber())
                .bind("updated", i.updatedAt()).bind("seen", seenGeneration).execute();
    }

    /**
     * Marks a change inside the instance (bucket, user, key…) so the reconciler sees a new generation.
     * Returns false, changing nothing, if the instance is gone or being deleted: the caller's write must
     * not commit after the delete began (the row lock orders this against {@link #markDeleting}).
     */
    public boolean bumpGeneration(Handle h, String uuid) {
        return h.createUpdate("UPDATE instances SET generation = generation + 1 WHERE uuid = :uuid "
                + "AND status <> 'DELETING'").bind("uuid", uuid).execute() == 1;
    }

    public void markDeleting(Handle h, String uuid, long now) {
        h.createUpdate("UPDATE instances SET status = 'DELETING', status_reason = '', generation = generation + 1, "
                + "updated_at = :now WHERE uuid = :uuid").bind("uuid", uuid).bind("now", now).execute();
    }

    /**
     * Records the reconciler's verdict. Never overwrites DELETING: a delete that raced with a
     * reconcile must not be undone by that reconcile's status write.
     */
    public void recordStatus(Handle h, String uuid, InstanceStatus status, String reason, Long observedGeneration) {
        h.createUpdate("UPDATE instances SET status = :status, status_reason = :reason, "
                        + "observed_generation = COALESCE(:observed, observed_generation) "
                        + "WHERE uuid = :uuid AND status <> 'DELETING'")
                .bind("uuid", uuid).bind("status", status.name()).bind("reason", truncate(reason))
                .bind("observed", observedGeneration).execute();
    }

    public void recordDeleteFailure(Handle h, String uuid, String reason) {
        h.createUpdate("UPDATE instances SET status_reason = :reason WHERE uuid = :uuid")
                .bind("uuid", uuid).bind("reason", truncate(reason)).execute();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM instances WHERE uuid = :uuid").bind("uuid", uuid).execute();
    }

    public Optional<Instance> find(Handle h, String uuid) {
        return h.createQuery("SELECT * FROM " + SELECT + " WHERE uuid = :uuid").bind("uuid", uuid).map(MAPPER).findOne();
    }

    public List<Instance> findByName(Handle h, String name) {
        return h.createQuery("SELECT * FROM " + SELECT + " WHERE name = :name").bind("name", name).map(MAPPER).list();
    }

    public List<String> allIds(Handle h) {
        return h.createQuery("SELECT uuid FROM instances").mapTo(String.class).list();
    }

    /** Instances of the given projects (null: all projects). */
    public Page<Instance> list(Handle h, Set<String> projects, PageRequest pr) {
        Map<String, Object> binds = new HashMap<>();
        String where = "1 = 1";
        if (projects != null) {
            if (projects.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            List<String> names = new ArrayList<>();
            int n = 0;
            for (String p : projects) {
                names.add(":pr" + n);
                binds.put("pr" + n++, p);
            }
            where = "project_id IN (" + String.join(", ", names) + ")";
        }
        return Paging.list(h, SELECT, where, binds, "name", pr, MAPPER, Instance::uuid);
    }

    /**
     * The sealed secret of the instance's MFA device: empty when there is no such instance, "" when it has no
     * device yet (see {@link InstanceMfa}).
     */
    public Optional<String> mfaSecret(Handle h, String uuid) {
        return h.createQuery("SELECT mfa_secret FROM instances WHERE uuid = :uuid").bind("uuid", uuid)
                .map((rs, ctx) -> rs.getString(1) == null ? "" : rs.getString(1)).findOne();
    }

    /** Stores the sealed secret of the instance's MFA device unless it has one already. */
    public void setMfaSecretIfAbsent(Handle h, String uuid, String sealed) {
        h.createUpdate("UPDATE instances SET mfa_secret = :s WHERE uuid = :uuid AND mfa_secret IS NULL")
                .bind("s", sealed).bind("uuid", uuid).execute();
    }

    public List<NodeView> nodes(Handle h, String instanceId) {
        return h.createQuery("SELECT uuid, ip, port, status, tls FROM nodes WHERE instance_id = :i ORDER BY ordinal")
                .bind("i", instanceId)
                .map((rs, ctx) -> new NodeView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        (rs.getBoolean(5) ? "https://" : "http://") + rs.getString(2) + ":" + rs.getInt(3)))
                .list();
    }

    private static String truncate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
