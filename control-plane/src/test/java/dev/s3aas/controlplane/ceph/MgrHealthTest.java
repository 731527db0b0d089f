package dev.s3aas.controlplane.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.cluster.ClusterProbe.CephHealth;
import org.junit.jupiter.api.Test;

/** The two series read from the mgr's Prometheus text, with lines as Ceph 16's prometheus module writes them. */
class MgrHealthTest {
    @Test
    void healthyClusterIsOkWithoutDetail() {
        CephHealth h = MgrHealth.parse("""
                # HELP ceph_health_status Cluster health status
                # TYPE ceph_health_status untyped
                ceph_health_status 0.0
                """);
        assertThat(h.level()).isEqualTo(CephHealth.Level.OK);
        assertThat(h.text()).isEmpty();
    }

    @Test
    void warningsNameTheActiveChecksOnly() {
        CephHealth h = MgrHealth.parse("""
                ceph_health_status 1.0
                ceph_health_detail{name="PG_DEGRADED",severity="HEALTH_WARN"} 1.0
                ceph_health_detail{name="OSD_DOWN",severity="HEALTH_WARN"} 1.0
                ceph_health_detail{name="MON_DISK_LOW",severity="HEALTH_WARN"} 0.0
                """);
        assertThat(h.level()).isEqualTo(CephHealth.Level.WARN);
        assertThat(h.text()).isEqualTo("HEALTH_WARN: OSD_DOWN, PG_DEGRADED");
    }

    @Test
    void errorsAndMissingSeries() {
        assertThat(MgrHealth.parse("ceph_health_status 2.0\n").text()).isEqualTo("HEALTH_ERR");
        CephHealth none = MgrHealth.parse("ceph_osd_up{ceph_daemon=\"osd.0\"} 1.0\n");
        assertThat(none.level()).isEqualTo(CephHealth.Level.UNKNOWN);
        assertThat(none.text()).contains("no ceph_health_status");
    }
}
