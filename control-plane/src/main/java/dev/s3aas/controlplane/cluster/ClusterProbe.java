package dev.s3aas.controlplane.cluster;

import java.util.List;

/** Looks at a cluster from outside: its gateways, its admin API, its own health, and (less often) its capabilities. */
public interface ClusterProbe {
    /** What one health probe saw. {@code adminProblem} is empty when the admin API answered with the keys' caps. */
    record Health(List<GatewayHealth> gateways, String adminProblem, CephHealth ceph) {
        public Health {
            gateways = List.copyOf(gateways);
            adminProblem = adminProblem == null ? "" : adminProblem;
        }
    }

    /**
     * The cluster's own verdict from the mgr's Prometheus module ({@code ceph_health_status},
     * {@code ceph_health_detail}); {@link #UNKNOWN} without an endpoint.
     */
    record CephHealth(Level level, String detail) {
        public enum Level { OK, WARN, ERR, UNKNOWN }

        public static final CephHealth UNKNOWN = new CephHealth(Level.UNKNOWN, "");

        /** "HEALTH_WARN: OSD_DOWN, PG_DEGRADED"; "" when OK or unknown. */
        public String text() {
            return switch (level) {
                case OK, UNKNOWN -> detail.isEmpty() ? "" : detail;
                case WARN -> "HEALTH_WARN" + (detail.isEmpty() ? "" : ": " + detail);
                case ERR -> "HEALTH_ERR" + (detail.isEmpty() ? "" : ": " + detail);
            };
        }
    }

    Health health(Cluster cluster);

    /** Probes what the cluster can do by trying it in a scratch tenant, which is removed again. */
    Capabilities capabilities(Cluster cluster);
}
