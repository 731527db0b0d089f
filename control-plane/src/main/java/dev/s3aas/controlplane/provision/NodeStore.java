package dev.s3aas.controlplane.provision;

import dev.s3aas.controlplane.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The {@code nodes} table: what a provisioner started, where, and under which pid. */
public final class NodeStore {
    /**
     * One node row. {@code pid} is null before the process was started; {@code tls} says whether it was started
     * serving HTTPS (with a certificate of the control plane's node CA).
     */
    public record NodeRecord(String uuid, String instanceId, int ordinal, String ip, int port, Long pid, String dataDir,
            String status, boolean tls) {
        public NodeRecord(String uuid, String instanceId, int ordinal, String ip, int port, Long pid, String dataDir,
                String status) {
            this(uuid, instanceId, ordinal, ip, port, pid, dataDir, status, false);
        }
    }

    private final Database db;
    private final Clock clock;

    public NodeStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<NodeRecord> list(String instanceId) {
        return db.read(h -> h.createQuery("SELECT * FROM nodes WHERE instance_id = :i ORDER BY ordinal")
                .bind("i", instanceId).map((rs, ctx) -> new NodeRecord(rs.getString("uuid"), rs.getString("instance_id"),
                        rs.getInt("ordinal"), rs.getString("ip"), rs.getInt("port"),
                        rs.getObject("pid") == null ? null : rs.getLong("pid"), rs.getString("data_dir"),
                        rs.getString("status"), rs.getBoolean("tls")))
                .list());
    }

    public Set<String> allIds() {
        return Set.copyOf(db.read(h -> h.createQuery("SELECT uuid FROM nodes").mapTo(String.class).list()));
    }

    public Set<Integer> usedPorts() {
        return Set.copyOf(db.read(h -> h.createQuery("SELECT port FROM nodes").mapTo(Integer.class).list()));
    }

    public void insert(NodeRecord n) {
        long now = clock.millis();
        db.writeVoid(h -> h.createUpdate("INSERT INTO nodes (uuid, instance_id, ordinal, ip, port, pid, data_dir, status, "
                        + "tls, created_at, updated_at) VALUES (:uuid, :i, :o, :ip, :port, :pid, :dir, :s, :tls, :now, :now)")
                .bind("uuid", n.uuid()).bind("i", n.instanceId()).bind("o", n.ordinal()).bind("ip", n.ip())
                .bind("port", n.port()).bind("pid", n.pid()).bind("dir", n.dataDir()).bind("s", n.status())
                .bind("tls", n.tls()).bind("now", now).execute());
    }

    public void update(String uuid, Long pid, String status) {
        db.writeVoid(h -> h.createUpdate("UPDATE nodes SET pid = :pid, status = :s, updated_at = :now WHERE uuid = :u")
                .bind("u", uuid).bind("pid", pid).bind("s", status).bind("now", clock.millis()).execute());
    }

    /** Records whether the node's (new) process serves HTTPS. */
    public void updateTls(String uuid, boolean tls) {
        db.writeVoid(h -> h.createUpdate("UPDATE nodes SET tls = :tls, updated_at = :now WHERE uuid = :u")
                .bind("u", uuid).bind("tls", tls).bind("now", clock.millis()).execute());
    }

    public void delete(String uuid) {
        db.writeVoid(h -> h.createUpdate("DELETE FROM nodes WHERE uuid = :u").bind("u", uuid).execute());
    }
}
