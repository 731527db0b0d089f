package dev.s3aas.controlplane.user;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Optimistic;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceService;
import java.time.Clock;

/** Instance IAM user rules. Deleting a user deletes its access keys and policy attachments. */
public final class UserService {
    private final Database db;
    private final UserRepository repo;
    private final InstanceService instances;
    private final Clock clock;

    public UserService(Database db, UserRepository repo, InstanceService instances, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.instances = instances;
        this.clock = clock;
    }

    public S3User create(Principal p, String instanceRef, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.USER_CREATE);
        long now = clock.millis();
        S3User u = new S3User(Ids.newId(), inst.uuid(), in.string("name", null), in.string("description", ""),
                in.string("status", "ACTIVE"), now, now);
        try {
            db.writeVoid(h -> {
                if (repo.find(h, inst.uuid(), u.name()).isPresent()) {
                    throw ApiError.duplicate("name", "user '" + u.name() + "' already exists");
                }
                repo.insert(h, u);
                instances.bump(h, inst.uuid());
            });
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "user '" + u.name() + "' already exists") : e;
        }
        instances.notifyChanged(inst.uuid());
        return u;
    }

    public Page<S3User> list(Principal p, String instanceRef, PageRequest pr) {
        Instance inst = instances.require(p, instanceRef, Permission.USER_READ);
        return db.read(h -> repo.list(h, inst.uuid(), pr));
    }

    public S3User get(Principal p, String instanceRef, String ref) {
        return find(instances.require(p, instanceRef, Permission.USER_READ), ref);
    }

    /** Looks a user up inside an already authorised instance. */
    public S3User find(Instance inst, String ref) {
        return db.read(h -> repo.find(h, inst.uuid(), ref)).orElseThrow(() -> ApiError.notFound("user", ref));
    }

    public S3User update(Principal p, String instanceRef, String ref, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.USER_UPDATE);
        // Read and written in one transaction, conditionally: see Optimistic.
        S3User next = Optimistic.retry(() -> db.write(h -> {
            S3User cur = repo.find(h, inst.uuid(), ref).orElseThrow(() -> ApiError.notFound("user", ref));
            S3User patched = new S3User(cur.uuid(), cur.instanceId(), cur.name(), in.string("description", cur.description()),
                    in.string("status", cur.status()), cur.createdAt(), Optimistic.nextStamp(cur.updatedAt(), clock));
            Optimistic.requireUpdated(repo.update(h, patched, cur.updatedAt()));
            instances.bump(h, inst.uuid());
            return patched;
        }));
        instances.notifyChanged(inst.uuid());
        return next;
    }

    public void delete(Principal p, String instanceRef, String ref) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.USER_DELETE);
        S3User cur = find(inst, ref);
        db.writeVoid(h -> {
            repo.delete(h, cur.uuid());
            instances.bump(h, inst.uuid());
        });
        instances.notifyChanged(inst.uuid());
    }
}
