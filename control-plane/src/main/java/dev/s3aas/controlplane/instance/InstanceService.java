package dev.s3aas.controlplane.instance;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.cluster.Capability;
import dev.s3aas.controlplane.cluster.Cluster;
import dev.s3aas.controlplane.cluster.ClusterRepository;
import dev.s3aas.controlplane.cluster.GatewayHealth;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.crypto.Secrets;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Optimistic;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.Instance.Encryption;
import dev.s3aas.controlplane.version.Version;
import dev.s3aas.controlplane.version.VersionRepository;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Instance rules: creation defaults, what may change, the asynchronous delete, and access checks. */
public final class InstanceService {
    /** Runs inside the create transaction, e.g. to store the default bucket. */
    @FunctionalInterface
    public interface CreateHook {
        void created(Handle h, Instance instance);
    }

    private final Database db;
    private final InstanceRepository repo;
    private final VersionRepository versions;
    private final ClusterRepository clusters = new ClusterRepository();
    private final IamRepository projects = new IamRepository();
    private final SecretBox secrets;
    private final Clock clock;
    private final ChangeListener changes;
    private final CreateHook createHook;

    public InstanceService(Database db, InstanceRepository repo, VersionRepository versions, SecretBox secrets,
            Clock clock, ChangeListener changes, CreateHook createHook) {
        this.db = db;
        this.repo = repo;
        this.versions = versions;
        this.secrets = secrets;
        this.clock = clock;
        this.changes = changes;
        this.createHook = createHook;
    }

    /**
     * The project a create by {@code p} goes to, once {@code p} may create instances there: {@code requested}
     * (the body's {@code project_id}, uuid or name) when given, else the token's project, else the caller's
     * only one. A caller with roles in several projects and an unscoped token (the console) names it.
     */
    public String creationProject(Principal p, String requested) {
        String projectId = requested == null ? targetProject(p) : visibleProject(p, requested)
                .orElseThrow(() -> ApiError.invalid("project_id", "unknown project '" + requested + "'"));
        p.require(projectId, Permission.INSTANCE_CREATE, "project", projectId);
        return projectId;
    }

    /** A project {@code p} has a role in, by uuid or name; one it has none in is as absent as a missing one. */
    private Optional<String> visibleProject(Principal p, String ref) {
        return db.read(h -> projects.findProject(h, ref)).map(Project::uuid).filter(p::canSee);
    }

    public Instance create(Principal p, JsonInput in) {
        String projectId = creationProject(p, in.string("project_id", null));
        long now = clock.millis();
        Instance created;
        try {
            created = db.write(h -> insertNew(h, projectId, in, now));
        } catch (RuntimeException e) {
            throw translateCreate(e, in.string("name", null));
        }
        changes.instanceChanged(created.uuid());
        return created;
    }

    private Instance insertNew(Handle h, String projectId, JsonInput in, long now) {
        Version version = resolveVersion(h, in.string("version", null));
        String clusterRef = in.string("cluster", null);
        Cluster cluster = clusterRef == null ? null : clusters.find(h, clusterRef)
                .orElseThrow(() -> ApiError.invalid("cluster", "unknown cluster '" + clusterRef + "'"));
        Instance i = new Instance(Ids.newId(), projectId, in.string("name", null), in.string("description", ""),
                version.uuid(), version.name(), cluster == null ? null : cluster.uuid(),
                cluster == null ? null : cluster.name(), in.string("bucket_name", null),
                Encryption.parse(in.string("encryption", "none")), in.bool("versioning", false),
                in.bool("mfa_delete", false), in.intValue("cpu", 1), in.intValue("ram", 1024),
                in.intValue("disk_size", 10), in.intValue("nodes_number", 1),
                InstanceStatus.PENDING, "", "s3aas-root", secrets.encrypt(Secrets.secretKey()), 1, 0, now, now);
        checkEngine(h, i, null, in);
        // No name pre-check: the UNIQUE (project_id, name) constraint decides, also between two
        // concurrent creates on PostgreSQL, where a pre-check cannot see the other's uncommitted row.
        repo.insert(h, i);
        createHook.created(h, i);
        return i;
    }

    /**
     * What the instance's engine can do. The embedded engine runs one node per instance: several local nodes
     * would be independent stores, so more are refused (instances that have several keep them, and keep
     * running). On a cluster, the nodes are its gateways, and a setting the cluster's probe found unsupported
     * is refused naming the field, never accepted and ignored.
     *
     * @param before the instance before a PATCH, or null on create (then every set feature is checked)
     */
    private void checkEngine(Handle h, Instance i, Instance before, JsonInput in) {
        if (!i.onCluster()) {
            if (i.nodesNumber() > 1 && (before == null || i.nodesNumber() != before.nodesNumber())) {
                throw ApiError.invalid("nodes_number", "nodes_number above 1 would make independent stores that do not "
                        + "share data: register a Ceph cluster (POST /v1/types/s3/clusters) and create the instance with "
                        + "\"cluster\" to grow beyond one machine");
            }
            return;
        }
        if (in.has("nodes_number")) {
            throw ApiError.invalid("nodes_number", "nodes_number does not apply to an instance on a cluster: the "
                    + "cluster's gateways serve it");
        }
        if (i.encryption() == Encryption.AES256 && (before == null || before.encryption() != Encryption.AES256)) {
            requireCapability(h, i, Capability.ENCRYPTION, "encryption");
        }
        if (i.mfaDelete() && (before == null || !before.mfaDelete())) {
            requireCapability(h, i, Capability.MFA_DELETE, "mfa_delete");
        }
        if (i.versioning() && (before == null || !before.versioning())) {
            requireCapability(h, i, Capability.VERSIONING, "versioning");
        }
    }

    /** Refuses {@code field} when the instance's cluster cannot do {@code c}; nothing on the embedded engine. */
    public void requireCapability(Handle h, Instance i, Capability c, String field) {
        if (!i.onCluster()) {
            return;
        }
        Cluster cluster = clusters.find(h, i.clusterId()).orElseThrow();
        cluster.capabilities().missing(c).ifPresent(why -> {
            throw ApiError.invalid(field, "cluster '" + cluster.name() + "' cannot do " + c.external() + ": " + why);
        });
    }

    private static RuntimeException translateCreate(RuntimeException e, String name) {
        if (DbErrors.isUniqueViolation(e)) {
            return ApiError.duplicate("name", "instance '" + name + "' already exists in this project");
        }
        if (DbErrors.isForeignKeyViolation(e)) {
            // The project or the version was deleted by a concurrent request after it was looked up.
            return new ApiError.Conflict("concurrent_delete",
                    "the project or the version was deleted while the instance was being created", null);
        }
        return e;
    }

    /** The project a create goes to: the token's project, else the caller's only project. */
    private static String targetProject(Principal p) {
        if (p.tokenProjectId() != null) {
            return p.tokenProjectId();
        }
        if (p.roles().size() == 1) {
            return p.roles().keySet().iterator().next();
        }
        throw ApiError.invalid("project_id", "you have roles in several projects (or none): name the project in "
                + "project_id, or request a token with project_id");
    }

    private Version resolveVersion(Handle h, String ref) {
        if (ref == null) {
            return versions.newest(h).orElseThrow(() -> ApiError.invalid("version", "the version catalog is empty"));
        }
        return versions.find(h, ref).orElseThrow(() -> ApiError.invalid("version", "unknown version '" + ref + "'"));
    }

    /** @param projectRef only this project's instances (uuid or name), or null for every visible one */
    public Page<Instance> list(Principal p, PageRequest pr, String projectRef) {
        Set<String> visible = projectRef == null ? p.visibleProjects()
                : visibleProject(p, projectRef).map(Set::of).orElse(Set.of());
        return db.read(h -> repo.list(h, visible, pr));
    }

    /** Finds a visible instance by uuid or name and checks {@code permission} on it. */
    public Instance require(Principal p, String ref, Permission permission) {
        Instance i = db.read(h -> find(h, p, ref));
        p.require(i.projectId(), permission, "instance", ref);
        return i;
    }

    /**
     * The permission check of a create route under {@code .../instances/{instance}/}: the caller holds
     * {@code permission} on that instance (see {@link Route#guard()}).
     */
    public Route.Guard guard(Permission permission) {
        return r -> require(r.principal(), r.param("instance"), permission);
    }

    /** As {@link #require} for a write inside the instance: refused while the instance is being deleted. */
    public Instance requireWritable(Principal p, String ref, Permission permission) {
        Instance i = require(p, ref, permission);
        if (i.status() == InstanceStatus.DELETING) {
            throw new ApiError.Conflict("instance_deleting", "instance '" + ref + "' is being deleted", null);
        }
        return i;
    }

    private Instance find(Handle h, Principal p, String ref) {
        if (Ids.looksLikeUuid(ref)) {
            return repo.find(h, ref).filter(i -> p.canSee(i.projectId()))
                    .orElseThrow(() -> ApiError.notFound("instance", ref));
        }
        List<Instance> named = repo.findByName(h, ref).stream().filter(i -> p.canSee(i.projectId())).toList();
        if (named.size() > 1) {
            throw new ApiError.Conflict("ambiguous_name", "several of your projects have an instance '" + ref
                    + "': use its uuid or a project-scoped token", null);
        }
        return named.stream().findFirst().orElseThrow(() -> ApiError.notFound("instance", ref));
    }

    public Instance update(Principal p, String ref, JsonInput in) {
        String uuid = requireWritable(p, ref, Permission.INSTANCE_UPDATE).uuid();
        Instance updated;
        try {
            // Read, checked and written in one transaction, conditionally on the generation (see
            // Optimistic), so the shrink and DELETING checks hold for the row actually updated.
            updated = Optimistic.retry(() -> db.write(h -> {
                Instance cur = repo.find(h, uuid).orElseThrow(() -> ApiError.notFound("instance", ref));
                Instance next = patch(cur, ref, in);
                checkEngine(h, next, cur, in);
                Optimistic.requireUpdated(repo.updateSpec(h, next, cur.generation()));
                return repo.find(h, uuid).orElseThrow();
            }));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e)
                    ? ApiError.duplicate("name", "instance '" + in.string("name", ref) + "' already exists") : e;
        }
        changes.instanceChanged(uuid);
        return updated;
    }

    /** {@code cur} with the request's fields, once they are allowed on it. */
    private Instance patch(Instance cur, String ref, JsonInput in) {
        if (cur.status() == InstanceStatus.DELETING) {
            throw new ApiError.Conflict("instance_deleting", "instance '" + ref + "' is being deleted", null);
        }
        int disk = in.intValue("disk_size", cur.diskSize());
        if (disk < cur.diskSize()) {
            throw new ApiError.Unprocessable("shrink_refused", "disk_size can only grow (now " + cur.diskSize() + " GiB)", "disk_size");
        }
        // Each local node is an independent store (no erasure coding or rebalancing): removing one would
        // delete the buckets and objects it holds, so the node count never shrinks.
        int nodes = in.intValue("nodes_number", cur.nodesNumber());
        if (nodes < cur.nodesNumber()) {
            throw new ApiError.Unprocessable("shrink_refused",
                    "nodes_number can only grow (now " + cur.nodesNumber() + "): removing a node deletes its data",
                    "nodes_number");
        }
        return new Instance(cur.uuid(), cur.projectId(), in.string("name", cur.name()),
                in.string("description", cur.description()), cur.versionId(), cur.versionName(), cur.clusterId(),
                cur.clusterName(), cur.bucketName(),
                in.has("encryption") ? Encryption.parse(in.string("encryption", null)) : cur.encryption(),
                in.bool("versioning", cur.versioning()), in.bool("mfa_delete", cur.mfaDelete()),
                in.intValue("cpu", cur.cpu()), in.intValue("ram", cur.ram()), disk,
                nodes, cur.status(), cur.statusReason(), cur.rootUser(),
                cur.rootSecretSealed(), cur.generation() + 1, cur.observedGeneration(), cur.createdAt(),
                Optimistic.nextStamp(cur.updatedAt(), clock));
    }

    /** Starts the finalizer flow; a repeated delete of a deleting instance is accepted again. */
    public Instance delete(Principal p, String ref) {
        Instance cur = require(p, ref, Permission.INSTANCE_DELETE);
        if (cur.status() != InstanceStatus.DELETING) {
            db.writeVoid(h -> repo.markDeleting(h, cur.uuid(), clock.millis()));
        }
        changes.instanceChanged(cur.uuid());
        // The finalizer may already have removed the row: report what was accepted.
        return db.read(h -> repo.find(h, cur.uuid())).orElse(cur.withStatus(InstanceStatus.DELETING, ""));
    }

    /** The instance's nodes: its local node processes, or its cluster's gateways with their last probed health. */
    public List<Instance.NodeView> nodes(Instance instance) {
        if (!instance.onCluster()) {
            return db.read(h -> repo.nodes(h, instance.uuid()));
        }
        Cluster cluster = db.read(h -> clusters.find(h, instance.clusterId())).orElse(null);
        List<Instance.NodeView> out = new ArrayList<>();
        if (cluster != null) {
            for (URI g : cluster.gateways()) {
                String status = cluster.health(g).map(GatewayHealth::healthy)
                        .map(up -> up ? "HEALTHY" : "UNREACHABLE").orElse("PENDING");
                out.add(new Instance.NodeView(g.toString(), g.getHost(), g.getPort(), status, g.toString()));
            }
        }
        return out;
    }

    /** Records a change inside an instance (called in the writer's transaction). */
    public void bump(Handle h, String instanceId) {
        if (!repo.bumpGeneration(h, instanceId)) {
            // The check before the transaction passed, but the delete won the race: roll this write back.
            throw new ApiError.Conflict("instance_deleting", "instance '" + instanceId + "' is being deleted", null);
        }
    }

    /** Tells the reconciler after the writer's transaction committed. */
    public void notifyChanged(String instanceId) {
        changes.instanceChanged(instanceId);
    }
}
