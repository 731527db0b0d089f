package dev.s3aas.controlplane.attachment;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceService;
import dev.s3aas.controlplane.policy.Policy;
import dev.s3aas.controlplane.policy.PolicyService;
import dev.s3aas.controlplane.user.S3User;
import dev.s3aas.controlplane.user.UserService;
import java.time.Clock;

/** Attaching and detaching policies: a change of the user, so it needs {@code s3aas.user.update}. */
public final class AttachmentService {
    private final Database db;
    private final AttachmentRepository repo;
    private final InstanceService instances;
    private final UserService users;
    private final PolicyService policies;
    private final Clock clock;

    public AttachmentService(Database db, AttachmentRepository repo, InstanceService instances, UserService users,
            PolicyService policies, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.instances = instances;
        this.users = users;
        this.policies = policies;
        this.clock = clock;
    }

    public Attachment attach(Principal p, String instanceRef, String userRef, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.USER_UPDATE);
        S3User user = users.find(inst, userRef);
        Policy policy = policyFromField(inst, in.string("policy", null));
        String uuid = Ids.newId();
        long now = clock.millis();
        try {
            db.writeVoid(h -> {
                if (repo.find(h, user.uuid(), policy.uuid()).isPresent()) {
                    throw ApiError.duplicate("policy", "policy '" + policy.name() + "' is already attached");
                }
                repo.insert(h, uuid, inst.uuid(), user.uuid(), policy.uuid(), now);
                instances.bump(h, inst.uuid());
            });
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("policy", "policy is already attached") : e;
        }
        instances.notifyChanged(inst.uuid());
        return new Attachment(uuid, inst.uuid(), user.uuid(), user.name(), policy.uuid(), policy.name(), now, now);
    }

    /** The {@code policy} field: a name, a uuid, or a path ending in {@code /policies/<name-or-uuid>}. */
    private Policy policyFromField(Instance inst, String value) {
        String ref = value.contains("/") ? value.substring(value.lastIndexOf('/') + 1) : value;
        try {
            return policies.find(inst, ref);
        } catch (ApiError.NotFound e) {
            throw ApiError.invalid("policy", "policy '" + value + "' not found in this instance");
        }
    }

    public Page<Attachment> list(Principal p, String instanceRef, String userRef, PageRequest pr) {
        Instance inst = instances.require(p, instanceRef, Permission.USER_READ);
        S3User user = users.find(inst, userRef);
        return db.read(h -> repo.list(h, user.uuid(), pr));
    }

    public Attachment get(Principal p, String instanceRef, String userRef, String policyRef) {
        Instance inst = instances.require(p, instanceRef, Permission.USER_READ);
        return find(inst, userRef, policyRef);
    }

    private Attachment find(Instance inst, String userRef, String policyRef) {
        S3User user = users.find(inst, userRef);
        String policyId = Ids.looksLikeUuid(policyRef) ? policyRef : policies.find(inst, policyRef).uuid();
        return db.read(h -> repo.find(h, user.uuid(), policyId))
                .orElseThrow(() -> ApiError.notFound("attachment", policyRef));
    }

    public void detach(Principal p, String instanceRef, String userRef, String policyRef) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.USER_UPDATE);
        Attachment a = find(inst, userRef, policyRef);
        db.writeVoid(h -> {
            repo.delete(h, a.uuid());
            instances.bump(h, inst.uuid());
        });
        instances.notifyChanged(inst.uuid());
    }
}
