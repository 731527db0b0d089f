package dev.s3aas.controlplane.cluster;

import dev.s3aas.controlplane.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every registered cluster periodically ({@code period}, and at once after a registration or change):
 * the gateways, the admin API and the mgr's health each time; the capabilities after a registration or
 * change, after an outage, and every {@code capabilityPeriod}. Records status ACTIVE (every gateway and the
 * admin API answer, the cluster is not HEALTH_ERR) or ERROR with the reasons, and re-queues the instances on
 * a cluster whose health changed, so their status follows within one period.
 */
public final class ClusterMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMonitor.class);

    private final Database db;
    private final ClusterRepository repo;
    private final ClusterProbe probe;
    private final Consumer<String> instanceChanged;
    private final Clock clock;
    private final Duration period;
    private final Duration capabilityPeriod;
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Long> capabilitiesProbedAt = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread thread;

    public ClusterMonitor(Database db, ClusterRepository repo, ClusterProbe probe, Consumer<String> instanceChanged,
            Clock clock, Duration period, Duration capabilityPeriod) {
        this.db = db;
        this.repo = repo;
        this.probe = probe;
        this.instanceChanged = instanceChanged;
        this.clock = clock;
        this.period = period;
        this.capabilityPeriod = capabilityPeriod;
    }

    public synchronized void start() {
        thread = Thread.ofVirtual().name("cluster-monitor").start(this::loop);
    }

    /** Probes every cluster now rather than at the next period. */
    public void probeSoon() {
        wake.release();
    }

    private void loop() {
        while (!closed) {
            try {
                probeAll();
                wake.tryAcquire(period.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("cluster monitor pass failed", e);
            }
        }
    }

    /** One pass over every cluster (tests call it directly). */
    public void probeAll() {
        for (Cluster c : db.read(repo::all)) {
            if (closed) {
                return;
            }
            probeOne(c);
        }
    }

    private void probeOne(Cluster c) {
        ClusterProbe.Health h = probe.health(c);
        boolean reachable = h.adminProblem().isEmpty();
        long now = clock.millis();
        List<String> problems = new ArrayList<>();
        h.gateways().stream().filter(g -> !g.healthy())
                .forEach(g -> problems.add("gateway " + g.url() + " " + g.detail()));
        if (!reachable) {
            problems.add(h.adminProblem());
        }
        Capabilities caps = c.capabilities();
        Long last = capabilitiesProbedAt.get(c.uuid());
        boolean recovered = c.status() == ClusterStatus.ERROR && problems.isEmpty();
        boolean due = c.probedAt() == null || !caps.probed() || recovered || last == null
                || now - last >= capabilityPeriod.toMillis();
        if (reachable && due) {
            caps = probe.capabilities(c);
            capabilitiesProbedAt.put(c.uuid(), now);
        }
        boolean cephError = h.ceph().level() == ClusterProbe.CephHealth.Level.ERR;
        String ceph = h.ceph().text();
        List<String> reasons = new ArrayList<>(problems);
        if (!ceph.isEmpty()) {
            reasons.add(ceph);
        }
        ClusterStatus status = problems.isEmpty() && !cephError ? ClusterStatus.ACTIVE : ClusterStatus.ERROR;
        String healthText = h.ceph().level() == ClusterProbe.CephHealth.Level.UNKNOWN ? "" : ceph;
        Cluster probed = c.withProbe(status, String.join("; ", reasons), h.gateways(), healthText, caps, now);
        db.writeVoid(tx -> repo.recordProbe(tx, probed, c.updatedAt()));
        if (changed(c, probed)) {
            LOG.info("cluster {}: {} {}", c.name(), status, probed.statusReason());
            db.read(tx -> repo.instanceIds(tx, c.uuid())).forEach(instanceChanged);
        }
    }

    /** Whether anything an instance's status depends on moved. */
    private static boolean changed(Cluster before, Cluster after) {
        List<Boolean> was = before.gatewayHealth().stream().map(GatewayHealth::healthy).toList();
        List<Boolean> is = after.gatewayHealth().stream().map(GatewayHealth::healthy).toList();
        return before.status() != after.status() || !was.equals(is) || !before.cephHealth().equals(after.cephHealth())
                || !before.capabilities().equals(after.capabilities()) || before.probedAt() == null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
