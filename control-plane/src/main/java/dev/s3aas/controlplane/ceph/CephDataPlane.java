package dev.s3aas.controlplane.ceph;

import dev.s3aas.controlplane.cluster.Cluster;
import dev.s3aas.controlplane.cluster.ClusterRepository;
import dev.s3aas.controlplane.cluster.GatewayHealth;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.node.BucketUsage;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.ObjectClient;
import dev.s3aas.controlplane.provision.Provisioner.NodeSpec;
import dev.s3aas.controlplane.provision.Provisioner.NodeStatus;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionException;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionedNode;
import dev.s3aas.controlplane.reconcile.DataPlane;
import dev.s3aas.controlplane.reconcile.DesiredState;
import dev.s3aas.controlplane.reconcile.ItemError;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ceph engine: an instance is an RGW tenant on a registered cluster ({@link Tenant}). There is nothing to
 * start: the instance's nodes are the cluster's gateways, with the health the cluster monitor last saw
 * (never probed yet: STARTING). They all serve one RADOS store, so the desired state is applied once,
 * through the first gateway that answers ({@link TenantSync}); the other gateways being down is a warning,
 * not an error, since the instance is applied and served. Deleting the instance purges the tenant: its
 * buckets with every object and version, then its users, the owner last.
 */
public final class CephDataPlane implements DataPlane {
    private static final Logger LOG = LoggerFactory.getLogger(CephDataPlane.class);

    private final Database db;
    private final ClusterRepository clusters = new ClusterRepository();
    private final CephClients clients;
    private final SecretBox secrets;
    private final Clock clock;

    public CephDataPlane(Database db, CephClients clients, SecretBox secrets, Clock clock) {
        this.db = db;
        this.clients = clients;
        this.secrets = secrets;
        this.clock = clock;
    }

    private Cluster cluster(Instance instance) throws ProvisionException {
        return db.read(h -> clusters.find(h, instance.clusterId())).orElseThrow(() -> new ProvisionException(
                "cluster " + instance.clusterId() + " of the instance is not registered", null));
    }

    @Override
    public List<ProvisionedNode> provision(Instance instance, NodeSpec spec) throws ProvisionException {
        return nodes(cluster(instance));
    }

    /** The cluster's gateways as nodes of the instance, in the registered order. */
    static List<ProvisionedNode> nodes(Cluster cluster) {
        List<ProvisionedNode> out = new ArrayList<>();
        for (URI g : cluster.gateways()) {
            Optional<GatewayHealth> h = cluster.health(g);
            NodeStatus status = h.isEmpty() ? NodeStatus.STARTING : h.get().healthy() ? NodeStatus.RUNNING
                    : NodeStatus.FAILED;
            out.add(new ProvisionedNode(g.toString(), g.getHost(), g.getPort(), status,
                    h.map(GatewayHealth::detail).orElse("not probed yet")));
        }
        return out;
    }

    @Override
    public Outcome apply(DesiredState want, List<ProvisionedNode> nodes) {
        Instance inst = want.instance();
        Cluster cluster;
        try {
            cluster = cluster(inst);
        } catch (ProvisionException e) {
            return new Outcome(List.of(e.getMessage()), List.of(), List.of(), false);
        }
        List<String> warnings = new ArrayList<>();
        List<ProvisionedNode> serving = new ArrayList<>();
        boolean starting = false;
        for (ProvisionedNode n : nodes) {
            switch (n.status()) {
                case RUNNING -> serving.add(n);
                case FAILED -> warnings.add("gateway " + n.id() + " unreachable (" + n.detail() + ")");
                case STARTING, STOPPED -> starting = true;
            }
        }
        List<String> problems = new ArrayList<>();
        String ceph = cluster.cephHealth();
        if (ceph.startsWith("HEALTH_ERR")) {
            problems.add("cluster " + cluster.name() + ": " + ceph); // data may be unavailable
        } else if (!ceph.isEmpty()) {
            warnings.add("cluster " + cluster.name() + ": " + ceph);
        }
        if (starting && serving.isEmpty()) {
            return new Outcome(problems, warnings, List.of(), true);
        }
        Tenant tenant = Tenant.of(inst.uuid());
        String ownerSecret = secrets.decrypt(inst.rootSecretSealed());
        for (ProvisionedNode gw : serving) {
            URI url = URI.create(gw.id());
            TenantSync sync = new TenantSync(clients.admin(cluster, url, secrets),
                    clients.s3(url, Tenant.ownerAccessKey(inst.uuid()), ownerSecret), tenant, cluster.capabilities(),
                    secrets, Clock.systemUTC());
            try {
                List<ItemError> errors = sync.apply(want, Tenant.ownerAccessKey(inst.uuid()), ownerSecret, clock.millis());
                return new Outcome(problems, warnings, errors, false);
            } catch (NodeException e) {
                warnings.add("gateway " + gw.id() + ": " + e.getMessage());
            }
        }
        problems.add("no gateway of cluster " + cluster.name() + " could apply the instance");
        return new Outcome(problems, warnings, List.of(), false);
    }

    @Override
    public void deprovision(Instance instance) throws ProvisionException {
        Cluster cluster = cluster(instance);
        Tenant tenant = Tenant.of(instance.uuid());
        ProvisionException last = null;
        for (URI gw : cluster.gateways()) {
            try {
                purge(clients.admin(cluster, gw, secrets), tenant);
                return;
            } catch (NodeException e) {
                last = new ProvisionException("removing tenant " + tenant.name() + " through " + gw + ": "
                        + e.getMessage(), e);
            }
        }
        throw last;
    }

    /** Buckets with all their objects first, then the users, the owner last; then checks nothing remains. */
    private static void purge(RgwAdmin admin, Tenant tenant) throws NodeException {
        for (String b : admin.listBuckets()) {
            if (tenant.owns(b)) {
                admin.deleteBucket(tenant.name(), tenant.local(b), true);
            }
        }
        List<String> users = new ArrayList<>(admin.listUsers().stream().filter(tenant::owns).toList());
        users.remove(tenant.ownerUid());
        users.add(tenant.ownerUid());
        for (String uid : users) {
            admin.deleteUser(uid, true);
        }
        long left = admin.listBuckets().stream().filter(tenant::owns).count()
                + admin.listUsers().stream().filter(tenant::owns).count();
        if (left > 0) {
            throw new NodeException.Rejected("NotEmpty", left + " bucket(s) or user(s) of tenant " + tenant.name()
                    + " remain after the purge", null);
        }
        LOG.info("tenant {} removed", tenant.name());
    }

    @Override
    public Optional<Boolean> isBucketEmpty(Instance instance, String bucket) {
        try {
            return Optional.of(bucketStats(instance, bucket).map(b -> b.objects() == 0).orElse(true));
        } catch (NodeException e) {
            return Optional.empty();
        }
    }

    /** Through the first gateway the cluster monitor last saw healthy (else the first one: the probe may be stale). */
    @Override
    public ObjectClient objects(Instance instance) throws NodeException {
        Cluster cluster;
        try {
            cluster = cluster(instance);
        } catch (ProvisionException e) {
            throw new NodeException.Unreachable(e.getMessage(), e);
        }
        List<ProvisionedNode> gateways = nodes(cluster);
        ProvisionedNode gw = gateways.stream().filter(n -> n.status() == NodeStatus.RUNNING).findFirst()
                .orElseGet(() -> gateways.isEmpty() ? null : gateways.getFirst());
        if (gw == null) {
            throw new NodeException.Unreachable("cluster " + cluster.name() + " has no gateway", null);
        }
        return clients.objects(URI.create(gw.id()), Tenant.ownerAccessKey(instance.uuid()),
                secrets.decrypt(instance.rootSecretSealed()));
    }

    /** RGW's bucket stats: the bucket index's counters, which RGW updates with each write. */
    @Override
    public BucketUsage usage(Instance instance, String bucket) throws NodeException {
        RgwAdmin.RgwBucket b = bucketStats(instance, bucket).orElseThrow(() -> new NodeException.Rejected(
                "NoSuchBucket", "the cluster holds no bucket " + bucket + " for this instance", null, 404));
        return new BucketUsage(b.objects(), b.bytes());
    }

    /**
     * {@code GET /admin/bucket?stats=true} of the instance's tenant, through each gateway in turn until one
     * answers (empty: no such bucket); the last gateway's error when none does.
     */
    private Optional<RgwAdmin.RgwBucket> bucketStats(Instance instance, String bucket) throws NodeException {
        Cluster cluster;
        try {
            cluster = cluster(instance);
        } catch (ProvisionException e) {
            throw new NodeException.Unreachable(e.getMessage(), e);
        }
        NodeException last = new NodeException.Unreachable("cluster " + cluster.name() + " has no gateway", null);
        for (URI gw : cluster.gateways()) {
            try {
                return clients.admin(cluster, gw, secrets).bucket(Tenant.of(instance.uuid()).name(), bucket);
            } catch (NodeException e) {
                LOG.info("bucket {}: gateway {} gives no bucket stats: {}", bucket, gw, e.getMessage());
                last = e;
            }
        }
        throw last;
    }
}
