package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.accesskey.AccessKeyRepository;
import dev.s3aas.controlplane.attachment.AttachmentRepository;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.bucket.BucketRepository;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceMfa;
import dev.s3aas.controlplane.instance.InstanceRepository;
import dev.s3aas.controlplane.instance.InstanceStatus;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.policy.Policy;
import dev.s3aas.controlplane.policy.PolicyRepository;
import dev.s3aas.controlplane.provision.Provisioner;
import dev.s3aas.controlplane.provision.Provisioner.NodeSpec;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionedNode;
import dev.s3aas.controlplane.user.S3User;
import dev.s3aas.controlplane.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One level-triggered, idempotent reconcile of one instance: read the desired state from the
 * database, make the data plane exist and hold the desired state (through the instance's
 * {@link DataPlane}: local nodes, or a tenant on a Ceph cluster), and record the outcome honestly in
 * {@code status} / {@code status_reason}. Deletion is a finalizer: the row is removed only after the
 * data plane and its data are gone.
 */
public final class InstanceReconciler {
    static final Duration STARTING_POLL = Duration.ofMillis(500);
    static final Duration EXPIRY_HORIZON = Duration.ofMinutes(1);

    /** The data plane an instance runs on. */
    @FunctionalInterface
    public interface DataPlanes {
        DataPlane of(Instance instance);
    }

    private final Database db;
    private final InstanceRepository instances;
    private final BucketRepository buckets;
    private final PolicyRepository policies;
    private final UserRepository users;
    private final AccessKeyRepository keys;
    private final AttachmentRepository attachments;
    private final DataPlanes planes;
    private final SecretBox secrets;
    private final InstanceMfa mfa;
    private final Clock clock;

    /** Every instance on the embedded engine (local nodes). */
    public InstanceReconciler(Database db, Provisioner provisioner, NodeClient.Factory nodes, SecretBox secrets,
            Clock clock) {
        this(db, embedded(provisioner, nodes, secrets, clock), secrets, clock);
    }

    private static DataPlanes embedded(Provisioner provisioner, NodeClient.Factory nodes, SecretBox secrets,
            Clock clock) {
        DataPlane local = new EmbeddedDataPlane(provisioner, nodes, secrets, clock);
        return i -> local;
    }

    public InstanceReconciler(Database db, DataPlanes planes, SecretBox secrets, Clock clock) {
        this.db = db;
        this.instances = new InstanceRepository();
        this.buckets = new BucketRepository();
        this.policies = new PolicyRepository();
        this.users = new UserRepository();
        this.keys = new AccessKeyRepository();
        this.attachments = new AttachmentRepository();
        this.planes = planes;
        this.secrets = secrets;
        this.mfa = new InstanceMfa(db, instances, secrets);
        this.clock = clock;
    }

    public ReconcileResult reconcile(String instanceId) {
        Optional<Instance> found = db.read(h -> instances.find(h, instanceId));
        if (found.isEmpty()) {
            return new ReconcileResult.Done();
        }
        Instance inst = found.get();
        DataPlane plane = planes.of(inst);
        if (inst.status() == InstanceStatus.DELETING) {
            return finalizeDelete(inst, plane);
        }
        if (inst.status() == InstanceStatus.PENDING) {
            record(inst, InstanceStatus.CREATING, "provisioning", null);
        }
        Optional<InstanceMfa.Device> device = mfa.device(inst.uuid());
        if (device.isEmpty()) {
            return new ReconcileResult.Done(); // deleted meanwhile
        }
        List<ProvisionedNode> provisioned;
        try {
            provisioned = plane.provision(inst, new NodeSpec(inst.uuid(), inst.nodesNumber(), inst.versionName(),
                    inst.rootUser(), secrets.decrypt(inst.rootSecretSealed()), device.get().serial(),
                    device.get().secretBase32()));
        } catch (Provisioner.ProvisionException e) {
            record(inst, InstanceStatus.ERROR, e.getMessage(), null);
            return new ReconcileResult.RetryWithBackoff(e.getMessage());
        }
        DesiredState want = loadDesired(inst, device.get());
        DataPlane.Outcome outcome = plane.apply(want, provisioned);
        if (!outcome.errors().isEmpty() || outcome.everywhere()) {
            recordItems(want, outcome.errors(), outcome.everywhere());
        }
        return conclude(inst, outcome, nextExpiry(want));
    }

    /**
     * How long until the next access key expires, when that is within {@link #EXPIRY_HORIZON}, so the key is
     * disabled then rather than at the next resync. Further ones are left to a later pass (which will be within
     * the horizon), so no instance ever has more than a few timers waiting.
     */
    private Optional<Duration> nextExpiry(DesiredState want) {
        long now = clock.millis();
        return want.keys().stream().map(k -> k.expiresAt())
                .filter(at -> at != null && at > now && at - now <= EXPIRY_HORIZON.toMillis())
                .min(Long::compare).map(at -> Duration.ofMillis(at - now + 1));
    }

    private ReconcileResult conclude(Instance inst, DataPlane.Outcome outcome, Optional<Duration> expiry) {
        List<String> problems = new ArrayList<>(outcome.problems());
        List<ItemError> errors = outcome.errors();
        if (!errors.isEmpty()) {
            problems.add(errors.size() + " item(s) not applied; first: " + errors.get(0).kind() + " "
                    + errors.get(0).uuid() + ": " + errors.get(0).message());
        }
        if (!problems.isEmpty()) {
            problems.addAll(outcome.warnings());
            String reason = String.join("; ", problems);
            record(inst, InstanceStatus.ERROR, reason, null);
            return new ReconcileResult.RetryWithBackoff(reason);
        }
        if (outcome.starting()) {
            boolean firstTime = inst.observedGeneration() == 0;
            record(inst, firstTime ? InstanceStatus.CREATING : InstanceStatus.ERROR,
                    "waiting for nodes to become healthy", null);
            return new ReconcileResult.RequeueAfter(STARTING_POLL);
        }
        // Applied everywhere and served; warnings (a gateway of several down) stay visible as the reason.
        record(inst, InstanceStatus.ACTIVE, String.join("; ", outcome.warnings()), inst.generation());
        return expiry.<ReconcileResult>map(ReconcileResult.RequeueAfter::new).orElse(new ReconcileResult.Done());
    }

    private DesiredState loadDesired(Instance inst, InstanceMfa.Device device) {
        return db.readTransaction(h -> {
            Instance fresh = instances.find(h, inst.uuid()).orElse(inst);
            Map<String, S3User> byId = users.all(h, inst.uuid()).stream()
                    .collect(Collectors.toMap(S3User::uuid, u -> u, (a, b) -> a, HashMap::new));
            return new DesiredState(fresh, device, buckets.all(h, inst.uuid()), policies.all(h, inst.uuid()), byId,
                    keys.all(h, inst.uuid()), attachments.policyNamesByUser(h, inst.uuid()));
        });
    }

    /**
     * Marks buckets and policies ACTIVE or ERROR, unless they changed since they were read. With
     * {@code allNodes} false some node was not synced, so nothing is promoted to ACTIVE.
     */
    private void recordItems(DesiredState want, List<ItemError> errors, boolean allNodes) {
        Map<String, String> errorByUuid = new HashMap<>();
        errors.forEach(e -> errorByUuid.putIfAbsent(e.uuid(), e.message()));
        db.writeVoid(h -> {
            for (Bucket b : want.buckets()) {
                String err = errorByUuid.get(b.uuid());
                if (err == null && !allNodes) {
                    continue;
                }
                String status = err == null ? "ACTIVE" : "ERROR";
                if (!status.equals(b.status()) || !b.statusReason().equals(err == null ? "" : err)) {
                    buckets.recordStatus(h, b.uuid(), b.updatedAt(), status, err == null ? "" : err);
                }
            }
            for (Policy p : want.policies()) {
                String err = errorByUuid.get(p.uuid());
                if (err == null && !allNodes) {
                    continue;
                }
                String status = err == null ? "ACTIVE" : "ERROR";
                if (!status.equals(p.status()) || !p.statusReason().equals(err == null ? "" : err)) {
                    policies.recordStatus(h, p.uuid(), p.updatedAt(), status, err == null ? "" : err);
                }
            }
        });
    }

    private ReconcileResult finalizeDelete(Instance inst, DataPlane plane) {
        try {
            plane.deprovision(inst);
        } catch (Provisioner.ProvisionException e) {
            db.writeVoid(h -> instances.recordDeleteFailure(h, inst.uuid(), e.getMessage()));
            return new ReconcileResult.RetryWithBackoff(e.getMessage());
        }
        db.writeVoid(h -> instances.delete(h, inst.uuid()));
        return new ReconcileResult.Done();
    }

    private void record(Instance inst, InstanceStatus status, String reason, Long observedGeneration) {
        if (inst.status() == status && inst.statusReason().equals(reason) && observedGeneration == null) {
            return;
        }
        db.writeVoid(h -> instances.recordStatus(h, inst.uuid(), status, reason, observedGeneration));
    }
}
