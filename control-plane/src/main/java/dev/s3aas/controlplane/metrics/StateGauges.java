package dev.s3aas.controlplane.metrics;

import dev.s3aas.controlplane.cluster.Cluster;
import dev.s3aas.controlplane.cluster.ClusterRepository;
import dev.s3aas.controlplane.cluster.GatewayHealth;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.instance.InstanceStatus;
import dev.s3aas.controlplane.provision.Provisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired and observed state, read from the database when Prometheus scrapes ({@link #refresh()}):
 * {@code s3aas_instances{status}} (every status, zeros included, so an alert on ERROR > 0 has a series),
 * {@code s3aas_nodes{status}} (local nodes as the provisioner last saw them), and per Ceph gateway
 * {@code s3aas_gateway_up{cluster,gateway}} (1 healthy, 0 not, as the cluster monitor last probed).
 */
final class StateGauges {
    private final Database db;
    private final ClusterRepository clusters;
    private final MultiGauge instances;
    private final MultiGauge nodes;
    private final MultiGauge gateways;

    StateGauges(MeterRegistry registry, Database db, ClusterRepository clusters) {
        this.db = db;
        this.clusters = clusters;
        instances = MultiGauge.builder("s3aas.instances").description("S3 instances by status").register(registry);
        nodes = MultiGauge.builder("s3aas.nodes").description("Local data-plane nodes by status").register(registry);
        gateways = MultiGauge.builder("s3aas.gateway.up")
                .description("Ceph RGW gateway health at the last probe (1 healthy, 0 not)").register(registry);
    }

    void refresh() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (InstanceStatus s : InstanceStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        Map<String, Long> nodesByStatus = new TreeMap<>();
        for (Provisioner.NodeStatus s : Provisioner.NodeStatus.values()) {
            nodesByStatus.put(s.name(), 0L);
        }
        List<Cluster> all = db.read(h -> {
            h.createQuery("SELECT status, COUNT(*) AS n FROM instances GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                    .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
            h.createQuery("SELECT status, COUNT(*) AS n FROM nodes GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                    .forEach(e -> nodesByStatus.put(e.getKey(), e.getValue()));
            return clusters.all(h);
        });
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byStatus.forEach((s, n) -> rows.add(MultiGauge.Row.of(Tags.of("status", s), n)));
        instances.register(rows, true);
        List<MultiGauge.Row<?>> nodeRows = new ArrayList<>();
        nodesByStatus.forEach((s, n) -> nodeRows.add(MultiGauge.Row.of(Tags.of("status", s), n)));
        nodes.register(nodeRows, true);
        List<MultiGauge.Row<?>> gatewayRows = new ArrayList<>();
        for (Cluster c : all) {
            for (GatewayHealth g : c.gatewayHealth()) {
                gatewayRows.add(MultiGauge.Row.of(Tags.of("cluster", c.name(), "gateway", g.url().toString()),
                        g.healthy() ? 1 : 0));
            }
        }
        gateways.register(gatewayRows, true);
    }
}
