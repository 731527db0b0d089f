package dev.s3aas.controlplane.cluster;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Optimistic;
import dev.s3aas.controlplane.iam.Principal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cluster rules. System administrators (the bootstrap admin and every user it makes an admin) register,
 * change and remove clusters and see everything but the secret; project owners see names, status and
 * capabilities, so they can choose one for an instance; nobody else sees clusters.
 */
public final class ClusterService {
    private final Database db;
    private final ClusterRepository repo;
    private final SecretBox secrets;
    private final ClusterMonitor monitor;
    private final Consumer<String> instanceChanged;
    private final Clock clock;

    public ClusterService(Database db, ClusterRepository repo, SecretBox secrets, ClusterMonitor monitor,
            Consumer<String> instanceChanged, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.secrets = secrets;
        this.monitor = monitor;
        this.instanceChanged = instanceChanged;
        this.clock = clock;
    }

    public static void requireAdmin(Principal p) {
        if (!p.admin()) {
            throw new ApiError.Forbidden("only system administrators manage clusters");
        }
    }

    /** Admins and project owners may read clusters (owners without endpoints or keys). */
    public static void requireReader(Principal p) {
        if (!p.admin() && !p.ownsAnyProject()) {
            throw new ApiError.Forbidden("only system administrators and project owners see clusters");
        }
    }

    public Map<String, Object> view(Principal p, Cluster c) {
        return p.admin() ? c.adminView() : c.ownerView();
    }

    public Cluster create(Principal p, JsonInput in) {
        requireAdmin(p);
        long now = clock.millis();
        Cluster c = new Cluster(Ids.newId(), in.string("name", null), Engine.parse(in.string("engine", null)),
                Cluster.parseGateways(in.strings("gateways", List.of())),
                Cluster.checkAccessKey(in.string("admin_access_key", null)),
                secrets.encrypt(Cluster.checkSecret(in.string("admin_secret_key", null))),
                prometheus(in.string("prometheus_url", null)), in.string("description", ""), ClusterStatus.PENDING, "",
                List.of(), "", Capabilities.UNKNOWN, null, now, now);
        try {
            db.writeVoid(h -> repo.insert(h, c));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "cluster '" + c.name() + "' exists") : e;
        }
        monitor.probeSoon();
        return c;
    }

    private static URI prometheus(String url) {
        return url == null ? null : Cluster.parseUrl("prometheus_url", url, true);
    }

    public Page<Cluster> list(Principal p, PageRequest pr) {
        requireReader(p);
        return db.read(h -> repo.list(h, pr));
    }

    public Cluster require(Principal p, String ref) {
        requireReader(p);
        return find(ref);
    }

    private Cluster find(String ref) {
        return db.read(h -> repo.find(h, ref)).orElseThrow(() -> ApiError.notFound("cluster", ref));
    }

    /** Changes gateways, keys, the Prometheus endpoint or the description; the cluster is probed again. */
    public Cluster update(Principal p, String ref, JsonInput in) {
        requireAdmin(p);
        String uuid = find(ref).uuid();
        Cluster updated = Optimistic.retry(() -> db.write(h -> {
            Cluster cur = repo.find(h, uuid).orElseThrow(() -> ApiError.notFound("cluster", ref));
            Cluster next = new Cluster(cur.uuid(), cur.name(), cur.engine(),
                    in.has("gateways") ? Cluster.parseGateways(in.strings("gateways", List.of())) : cur.gateways(),
                    in.has("admin_access_key") ? Cluster.checkAccessKey(in.string("admin_access_key", null))
                            : cur.adminAccessKey(),
                    in.has("admin_secret_key") ? secrets.encrypt(Cluster.checkSecret(in.string("admin_secret_key", null)))
                            : cur.adminSecretSealed(),
                    in.has("prometheus_url") ? prometheus(in.string("prometheus_url", null)) : cur.prometheusUrl(),
                    in.string("description", cur.description()), ClusterStatus.PENDING, "", cur.gatewayHealth(),
                    cur.cephHealth(), cur.capabilities(), null, cur.createdAt(),
                    Optimistic.nextStamp(cur.updatedAt(), clock));
            Optimistic.requireUpdated(repo.updateSpec(h, next, cur.updatedAt()));
            return repo.find(h, uuid).orElseThrow();
        }));
        monitor.probeSoon();
        db.read(h -> repo.instanceIds(h, uuid)).forEach(instanceChanged);
        return updated;
    }

    /** Refused while any instance (also one being deleted) runs on the cluster. */
    public void delete(Principal p, String ref) {
        requireAdmin(p);
        Cluster c = find(ref);
        try {
            db.writeVoid(h -> {
                int users = h.createQuery("SELECT COUNT(*) FROM instances WHERE cluster_id = :c").bind("c", c.uuid())
                        .mapTo(Integer.class).one();
                if (users > 0) {
                    throw new ApiError.Conflict("in_use", "cluster '" + c.name() + "' is used by " + users
                            + " instance(s): delete them first", null);
                }
                repo.delete(h, c.uuid());
            });
        } catch (RuntimeException e) {
            // An instance created concurrently: the foreign key decides.
            throw DbErrors.isForeignKeyViolation(e)
                    ? new ApiError.Conflict("in_use", "cluster '" + c.name() + "' is used by instances", null) : e;
        }
    }
}
