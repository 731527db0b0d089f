package dev.s3aas.controlplane.policy;

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
import org.jdbi.v3.core.Handle;

/** Policy rules: documents validated on every write; an attached policy cannot be deleted (409). */
public final class PolicyService {
    private final Database db;
    private final PolicyRepository repo;
    private final InstanceService instances;
    private final Clock clock;

    public PolicyService(Database db, PolicyRepository repo, InstanceService instances, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.instances = instances;
        this.clock = clock;
    }

    public Policy create(Principal p, String instanceRef, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.POLICY_CREATE);
        long now = clock.millis();
        Policy policy = new Policy(Ids.newId(), inst.uuid(), in.string("name", null),
                PolicyDocument.parse(in.node("content")), "PENDING", "", now, now);
        try {
            db.writeVoid(h -> {
                checkNameFree(h, policy);
                repo.insert(h, policy);
                instances.bump(h, inst.uuid());
            });
        } catch (RuntimeException e) {
            throw duplicateOr(e, policy.name());
        }
        instances.notifyChanged(inst.uuid());
        return policy;
    }

    private void checkNameFree(Handle h, Policy policy) {
        repo.find(h, policy.instanceId(), policy.name()).filter(other -> !other.uuid().equals(policy.uuid()))
                .ifPresent(other -> {
                    throw ApiError.duplicate("name", "policy '" + policy.name() + "' already exists");
                });
    }

    private static RuntimeException duplicateOr(RuntimeException e, String name) {
        return DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "policy '" + name + "' already exists") : e;
    }

    public Page<Policy> list(Principal p, String instanceRef, PageRequest pr) {
        Instance inst = instances.require(p, instanceRef, Permission.POLICY_READ);
        return db.read(h -> repo.list(h, inst.uuid(), pr));
    }

    public Policy get(Principal p, String instanceRef, String ref) {
        return find(instances.require(p, instanceRef, Permission.POLICY_READ), ref);
    }

    /** Looks a policy up inside an already authorised instance. */
    public Policy find(Instance inst, String ref) {
        return db.read(h -> repo.find(h, inst.uuid(), ref)).orElseThrow(() -> ApiError.notFound("policy", ref));
    }

    public Policy update(Principal p, String instanceRef, String ref, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.POLICY_UPDATE);
        // The document does not depend on the row: validated once, before the transaction.
        PolicyDocument content = in.has("content") ? PolicyDocument.parse(in.node("content")) : null;
        Policy next;
        try {
            // Read, checked and written in one transaction, conditionally: see Optimistic.
            next = Optimistic.retry(() -> db.write(h -> {
                Policy cur = repo.find(h, inst.uuid(), ref).orElseThrow(() -> ApiError.notFound("policy", ref));
                // PENDING with a newer updated_at: the reconciler drops a verdict it reached on cur.
                Policy patched = new Policy(cur.uuid(), cur.instanceId(), in.string("name", cur.name()),
                        content != null ? content : cur.content(), "PENDING", "", cur.createdAt(),
                        Optimistic.nextStamp(cur.updatedAt(), clock));
                checkNameFree(h, patched);
                Optimistic.requireUpdated(repo.update(h, patched, cur.updatedAt()));
                instances.bump(h, inst.uuid());
                return patched;
            }));
        } catch (RuntimeException e) {
            throw duplicateOr(e, in.string("name", ref));
        }
        instances.notifyChanged(inst.uuid());
        return next;
    }

    public void delete(Principal p, String instanceRef, String ref) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.POLICY_DELETE);
        Policy cur = find(inst, ref);
        db.writeVoid(h -> {
            if (repo.attachments(h, cur.uuid()) > 0) {
                throw new ApiError.Conflict("in_use", "policy '" + cur.name() + "' is attached to users; detach it first", null);
            }
            repo.delete(h, cur.uuid());
            instances.bump(h, inst.uuid());
        });
        instances.notifyChanged(inst.uuid());
    }
}
