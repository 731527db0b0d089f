package dev.s3aas.controlplane.bucket;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.cluster.Capability;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Optimistic;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceService;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Bucket rules. Deletion asks the nodes first so a non-empty bucket is refused with 409. */
public final class BucketService {
    /** Asks the instance's nodes whether a bucket holds objects; empty when that is unknown (a node did not answer). */
    @FunctionalInterface
    public interface EmptinessProbe {
        Optional<Boolean> isEmpty(Instance instance, String bucket);
    }

    private final Database db;
    private final BucketRepository repo;
    private final InstanceService instances;
    private final EmptinessProbe probe;
    private final Clock clock;

    public BucketService(Database db, BucketRepository repo, InstanceService instances, EmptinessProbe probe, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.instances = instances;
        this.probe = probe;
        this.clock = clock;
    }

    public Bucket create(Principal p, String instanceRef, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.BUCKET_CREATE);
        boolean lock = in.bool("object_lock_enabled", false);
        long now = clock.millis();
        Bucket b = new Bucket(Ids.newId(), inst.uuid(), new BucketName(in.string("name", null)),
                in.bool("versioning_enabled", lock || inst.versioning()), lock, in.integer("quota_bytes", 0),
                in.bool("public", false), Bucket.parseMode(in.string("default_retention_mode", null)),
                in.nullableInt("default_retention_days", null), "PENDING", "", now, now);
        insert(inst, b);
        return b;
    }

    private void insert(Instance inst, Bucket b) {
        try {
            db.writeVoid(h -> {
                checkEngine(h, inst, b, null);
                insertInTx(h, b);
                instances.bump(h, inst.uuid());
            });
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "bucket '" + b.name() + "' already exists") : e;
        }
        instances.notifyChanged(inst.uuid());
    }

    private void insertInTx(Handle h, Bucket b) {
        if (repo.find(h, b.instanceId(), b.name().value()).isPresent()) {
            throw ApiError.duplicate("name", "bucket '" + b.name() + "' already exists");
        }
        repo.insert(h, b);
    }

    /**
     * Refuses a setting the instance's cluster cannot do, naming its field (on the embedded engine every
     * setting works). {@code before} is the bucket before a PATCH (only changed settings are checked), or null.
     */
    private void checkEngine(Handle h, Instance inst, Bucket b, Bucket before) {
        if (!inst.onCluster()) {
            return;
        }
        if (b.objectLockEnabled() && before == null) {
            instances.requireCapability(h, inst, Capability.OBJECT_LOCK, "object_lock_enabled");
        }
        if (b.versioningEnabled() && (before == null || !before.versioningEnabled())) {
            instances.requireCapability(h, inst, Capability.VERSIONING, "versioning_enabled");
        }
        if (b.quotaBytes() > 0 && (before == null || before.quotaBytes() != b.quotaBytes())) {
            instances.requireCapability(h, inst, Capability.QUOTA, "quota_bytes");
        }
        if (b.publicRead() && (before == null || !before.publicRead())) {
            instances.requireCapability(h, inst, Capability.POLICIES, "public");
        }
    }

    /** The default bucket stored with a new instance (same transaction). */
    public void createDefault(Handle h, Instance inst) {
        if (inst.bucketName() == null) {
            return;
        }
        BucketName name;
        try {
            name = new BucketName(inst.bucketName());
        } catch (ApiError.Invalid e) {
            throw ApiError.invalid("bucket_name", e.getMessage());
        }
        repo.insert(h, new Bucket(Ids.newId(), inst.uuid(), name, inst.versioning(), false, 0, false, null, null,
                "PENDING", "", inst.createdAt(), inst.createdAt()));
    }

    public Page<Bucket> list(Principal p, String instanceRef, PageRequest pr) {
        Instance inst = instances.require(p, instanceRef, Permission.BUCKET_READ);
        return db.read(h -> repo.list(h, inst.uuid(), pr));
    }

    public Bucket get(Principal p, String instanceRef, String ref) {
        Instance inst = instances.require(p, instanceRef, Permission.BUCKET_READ);
        return find(inst, ref);
    }

    /** A bucket of {@code inst} by uuid or name, or 404; the caller has checked its permission on the instance. */
    public Bucket find(Instance inst, String ref) {
        return db.read(h -> repo.find(h, inst.uuid(), ref)).orElseThrow(() -> ApiError.notFound("bucket", ref));
    }

    public Bucket update(Principal p, String instanceRef, String ref, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.BUCKET_UPDATE);
        // Read, checked and written in one transaction, conditionally: see Optimistic.
        Bucket next = Optimistic.retry(() -> db.write(h -> {
            Bucket cur = repo.find(h, inst.uuid(), ref).orElseThrow(() -> ApiError.notFound("bucket", ref));
            Bucket patched = patch(cur, in);
            checkEngine(h, inst, patched, cur);
            Optimistic.requireUpdated(repo.update(h, patched, cur.updatedAt()));
            instances.bump(h, inst.uuid());
            return patched;
        }));
        instances.notifyChanged(inst.uuid());
        return next;
    }

    /**
     * {@code cur} with the request's fields, PENDING again until the reconciler applied it; the new
     * {@code updated_at} also makes the reconciler drop a verdict it reached on {@code cur}.
     */
    private Bucket patch(Bucket cur, JsonInput in) {
        // Suspending versioning of an object-lock bucket is refused by the Bucket constructor itself.
        return new Bucket(cur.uuid(), cur.instanceId(), cur.name(),
                in.bool("versioning_enabled", cur.versioningEnabled()), cur.objectLockEnabled(),
                in.integer("quota_bytes", cur.quotaBytes()), in.bool("public", cur.publicRead()),
                in.has("default_retention_mode") ? Bucket.parseMode(in.string("default_retention_mode", null)) : cur.retentionMode(),
                in.nullableInt("default_retention_days", cur.retentionDays()), "PENDING", "", cur.createdAt(),
                Optimistic.nextStamp(cur.updatedAt(), clock));
    }

    public void delete(Principal p, String instanceRef, String ref) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.BUCKET_DELETE);
        Bucket cur = find(inst, ref);
        Optional<Boolean> empty = probe.isEmpty(inst, cur.name().value());
        if (empty.isEmpty()) {
            // Deleting the row would make the reconciler remove the bucket wherever it is empty, but a
            // bucket holding objects on a node we could not ask would then be orphaned there: refuse.
            throw new ApiError.Unavailable("nodes_unavailable", "cannot tell whether bucket '" + cur.name()
                    + "' is empty: a node of the instance did not answer; retry later");
        }
        if (!empty.get()) {
            throw new ApiError.Conflict("not_empty", "bucket '" + cur.name() + "' is not empty", null);
        }
        db.writeVoid(h -> {
            repo.delete(h, cur.uuid());
            instances.bump(h, inst.uuid());
        });
        instances.notifyChanged(inst.uuid());
    }
}
