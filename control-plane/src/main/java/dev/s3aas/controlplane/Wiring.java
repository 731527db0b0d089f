package dev.s3aas.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.accesskey.AccessKeyRepository;
import dev.s3aas.controlplane.accesskey.AccessKeyResource;
import dev.s3aas.controlplane.accesskey.AccessKeyService;
import dev.s3aas.controlplane.api.AccessLog;
import dev.s3aas.controlplane.api.ApiHandler;
import dev.s3aas.controlplane.api.IdempotencyStore;
import dev.s3aas.controlplane.api.RequestObserver;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.attachment.AttachmentRepository;
import dev.s3aas.controlplane.attachment.AttachmentResource;
import dev.s3aas.controlplane.attachment.AttachmentService;
import dev.s3aas.controlplane.audit.AuditLog;
import dev.s3aas.controlplane.audit.AuditResource;
import dev.s3aas.controlplane.bucket.BucketRepository;
import dev.s3aas.controlplane.bucket.BucketResource;
import dev.s3aas.controlplane.bucket.BucketService;
import dev.s3aas.controlplane.ceph.CephClients;
import dev.s3aas.controlplane.ceph.CephDataPlane;
import dev.s3aas.controlplane.ceph.CephProbe;
import dev.s3aas.controlplane.cluster.ClusterMonitor;
import dev.s3aas.controlplane.cluster.ClusterRepository;
import dev.s3aas.controlplane.cluster.ClusterResource;
import dev.s3aas.controlplane.cluster.ClusterService;
import dev.s3aas.controlplane.crypto.PasswordHasher;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.iam.Bootstrap;
import dev.s3aas.controlplane.iam.IamAdminService;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.iam.IamResource;
import dev.s3aas.controlplane.iam.IamService;
import dev.s3aas.controlplane.iam.TokenService;
import dev.s3aas.controlplane.instance.ChangeListener;
import dev.s3aas.controlplane.instance.InstanceMfa;
import dev.s3aas.controlplane.instance.InstanceRepository;
import dev.s3aas.controlplane.instance.InstanceResource;
import dev.s3aas.controlplane.instance.InstanceService;
import dev.s3aas.controlplane.metrics.ApiMetrics;
import dev.s3aas.controlplane.metrics.ControlPlaneMetrics;
import dev.s3aas.controlplane.metrics.MeteredProvisioner;
import dev.s3aas.controlplane.metrics.MetricsHandler;
import dev.s3aas.controlplane.metrics.ScrapeConfigResource;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.object.ObjectResource;
import dev.s3aas.controlplane.object.ObjectService;
import dev.s3aas.controlplane.policy.PolicyRepository;
import dev.s3aas.controlplane.policy.PolicyResource;
import dev.s3aas.controlplane.policy.PolicyService;
import dev.s3aas.controlplane.provision.LocalProcessProvisioner;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.provision.Provisioner;
import dev.s3aas.controlplane.reconcile.DataPlane;
import dev.s3aas.controlplane.reconcile.EmbeddedDataPlane;
import dev.s3aas.controlplane.reconcile.InstanceReconciler;
import dev.s3aas.controlplane.reconcile.ReconcileController;
import dev.s3aas.controlplane.tls.NodeCa;
import dev.s3aas.controlplane.tls.NodeTls;
import dev.s3aas.controlplane.user.UserRepository;
import dev.s3aas.controlplane.user.UserResource;
import dev.s3aas.controlplane.user.UserService;
import dev.s3aas.controlplane.version.VersionRepository;
import dev.s3aas.controlplane.version.VersionResource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;

/** The one place that builds the control plane's object graph (constructor injection throughout). */
final class Wiring {
    final Provisioner provisioner;
    final ReconcileController controller;
    final ClusterMonitor clusterMonitor;
    final CephClients ceph;
    final ControlPlaneMetrics metrics;
    final AuditLog audit;
    private final List<Route> routes = new ArrayList<>();
    private final IamService iam;
    private final Database db;
    private final SecretBox secrets;
    private final Clock clock = Clock.systemUTC();

    Wiring(ControlPlaneConfig config, Database db, ControlPlane.ProvisionerFactory provisioners, NodeClient.Factory nodes) {
        this.db = db;
        ClusterRepository clusterRepo = new ClusterRepository();
        this.metrics = new ControlPlaneMetrics(db, clusterRepo);
        this.secrets = SecretBox.fromKeyFile(config.masterKeyFile());
        this.audit = new AuditLog(config.dataDir().resolve("audit.log"), db, clock);
        PasswordHasher hasher = PasswordHasher.standard();
        IamRepository iamRepo = new IamRepository();
        this.iam = new IamService(db, iamRepo, hasher,
                new TokenService(secrets.deriveKey("jwt-signing"), clock, config.tokenTtl()), clock);
        IamAdminService iamAdmin = new IamAdminService(db, iamRepo, hasher, clock);
        Bootstrap.run(db, iamAdmin, hasher, clock, config.adminPassword(), config.dataDir());

        // The controller is built after the provisioner, which reports node exits to it: late-bound.
        ChangeListener[] late = new ChangeListener[1];
        ChangeListener changes = (id, cause) -> {
            if (late[0] != null) {
                late[0].instanceChanged(id, cause);
            }
        };
        NodeStore nodeStore = new NodeStore(db, clock);
        NodeCa nodeCa = new NodeCa(db, secrets, clock);
        this.provisioner = provisioners.create(nodeStore, config.nodeTls() ? new NodeTls(nodeCa, clock) : null,
                changes::instanceChanged);
        if (provisioner instanceof LocalProcessProvisioner local) {
            local.reapOrphans();
        }
        // Two engines behind one seam: local nodes by default, an RGW tenant for an instance on a cluster.
        this.ceph = new CephClients(clock);
        DataPlane embedded = new EmbeddedDataPlane(new MeteredProvisioner(provisioner, metrics), nodes, secrets, clock);
        DataPlane onCeph = new CephDataPlane(db, ceph, secrets, clock);
        InstanceReconciler.DataPlanes planes = i -> i.onCluster() ? onCeph : embedded;
        InstanceReconciler reconciler = new InstanceReconciler(db, planes, secrets, clock);
        this.controller = new ReconcileController(db, reconciler, config.resyncInterval(), Duration.ofMillis(500),
                Duration.ofSeconds(30), metrics.reconcileObserver());
        late[0] = controller;
        Duration probeEvery = config.resyncInterval().compareTo(Duration.ofSeconds(10)) < 0
                ? config.resyncInterval() : Duration.ofSeconds(10);
        this.clusterMonitor = new ClusterMonitor(db, clusterRepo, new CephProbe(ceph, secrets, clock),
                changes::instanceChanged, clock, probeEvery, Duration.ofHours(1));

        VersionRepository versionRepo = new VersionRepository();
        BucketRepository bucketRepo = new BucketRepository();
        BucketService[] bucketsLate = new BucketService[1];
        InstanceService instances = new InstanceService(db, new InstanceRepository(), versionRepo, secrets, clock,
                changes, (h, i) -> bucketsLate[0].createDefault(h, i));
        BucketService buckets = new BucketService(db, bucketRepo, instances,
                (inst, bucket) -> planes.of(inst).isBucketEmpty(inst, bucket), clock);
        bucketsLate[0] = buckets;
        UserService users = new UserService(db, new UserRepository(), instances, clock);
        PolicyService policies = new PolicyService(db, new PolicyRepository(), instances, clock);

        routes.addAll(new dev.s3aas.controlplane.health.HealthResource(db, controller::running).routes());
        routes.addAll(new IamResource(iam, iamAdmin).routes());
        routes.addAll(new AuditResource(db, audit).routes());
        routes.addAll(new VersionResource(db, versionRepo, clock).routes());
        routes.addAll(new ClusterResource(new ClusterService(db, clusterRepo, secrets, clusterMonitor,
                changes::instanceChanged, clock)).routes());
        routes.addAll(new InstanceResource(instances, new InstanceMfa(db, new InstanceRepository(), secrets),
                nodeCa::certificatePem).routes());
        routes.addAll(new ScrapeConfigResource(instances, secrets, clock).routes());
        routes.addAll(new BucketResource(buckets, instances).routes());
        routes.addAll(new ObjectResource(new ObjectService(instances, buckets, planes)).routes());
        routes.addAll(new UserResource(users, instances).routes());
        routes.addAll(new PolicyResource(policies, instances).routes());
        routes.addAll(new AttachmentResource(new AttachmentService(db, new AttachmentRepository(), instances, users,
                policies, clock), instances).routes());
        routes.addAll(new AccessKeyResource(new AccessKeyService(db, new AccessKeyRepository(), instances, users,
                secrets, clock), instances).routes());
    }

    List<Route> routes() {
        return routes;
    }

    /** {@code /metrics}, then the REST API (timed, logged and audited by its observers). */
    Handler handler(dev.s3aas.controlplane.api.Router router, ObjectMapper json, String metricsToken) {
        ApiHandler api = new ApiHandler(router, iam::authenticate, new IdempotencyStore(db, secrets, clock), json,
                RequestObserver.all(List.of(new AccessLog(), audit, new ApiMetrics(metrics.registry()))));
        return new Handler.Sequence(new dev.s3aas.controlplane.console.ConsoleHandler(), new MetricsHandler(iam::authenticate, metricsToken, metrics::scrape), api);
    }
}
