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
import dev.s3aas.controlplane.node.NodeException;
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
 * database, make the nodes exist (provisioner), make each node hold the desired state (node
 * client), and record the outcome honestly in {@code status} / {@code status_reason}. Deletion is
 * a finalizer: the row is removed only after the nodes and their data are gone.
 */
public final class InstanceReconciler {
    static final Duration STARTING_POLL = Duration.ofMillis(500);

    private final Database db;
    private final InstanceRepository instances;
    private final BucketRepository buckets;
    private final PolicyRepository policies;
    private final UserRepository users;
    private final AccessKeyRepository keys;
    private final AttachmentRepository attachments;
    private final Provisioner provisioner;
    private final NodeClient.Factory nodes;
    private final SecretBox secrets;
    private final NodeSync sync;
    private final InstanceMfa mfa;
    private final Clock clock;

    public InstanceReconciler(Database db, Provisioner provisioner, NodeClient.Factory nodes, SecretBox secrets,
            Clock clock) {
        this.db = db;
        this.instances = new InstanceRepository();
        this.buckets = new BucketRepository();
        this.policies = new PolicyRepository();
        this.users = new UserRepository();
        this.keys = new AccessKeyRepository();
        this.attachments = new AttachmentRepository();
        this.provisioner = provisioner;
        this.nodes = nodes;
        this.secrets = secrets;
        // MFA codes are checked against the nodes' wall clock, whatever clock drives the reconciler's timing.
        this.sync = new NodeSync(secrets, Clock.systemUTC());
        this.mfa = new InstanceMfa(db, instances, secrets);
        this.clock = clock;
    }

    public ReconcileResult reconcile(String instanceId) {
        Optional<Instance> found = db.read(h -> instances.find(h, instanceId));
        if (found.isEmpty()) {
            return new ReconcileResult.Done();
        }
        Instance inst = found.get();
        if (inst.status() == InstanceStatus.DELETING) {
            return finalizeDelete(inst);
        }
        if (inst.status() == InstanceStatus.PENDING) {
            record(inst, InstanceStatus.CREATING, "provisioning nodes", null);
        }
        Optional<InstanceMfa.Device> device = mfa.device(inst.uuid());
        if (device.isEmpty()) {
            return new ReconcileResult.Done(); // deleted meanwhile
        }
        List<ProvisionedNode> provisioned;
        try {
            provisioned = provisioner.provision(new NodeSpec(inst.uuid(), inst.nodesNumber(), inst.versionName(),
                    inst.rootUser(), secrets.decrypt(inst.rootSecretSealed()), device.get().serial(),
                    device.get().secretBase32()));
        } catch (Provisioner.ProvisionException e) {
            record(inst, InstanceStatus.ERROR, e.getMessage(), null);
            return new ReconcileResult.RetryWithBackoff(e.getMessage());
        }
        return applyToNodes(inst, provisioned, device.get());
    }

    /**
     * Syncs every RUNNING node, even when others are down: a revocation must reach the healthy
     * nodes at once. Failed, unreachable and starting nodes and rejected items are all reported.
     */
    private ReconcileResult applyToNodes(Instance inst, List<ProvisionedNode> provisioned, InstanceMfa.Device device) {
        sync.retainNodes(inst.uuid(), provisioned.stream().map(ProvisionedNode::id).toList());
        List<String> nodeProblems = new ArrayList<>();
        List<ProvisionedNode> running = new ArrayList<>();
        boolean starting = false;
        for (ProvisionedNode n : provisioned) {
            switch (n.status()) {
                case RUNNING -> running.add(n);
                case FAILED -> nodeProblems.add("node " + n.id() + " failed: " + n.detail());
                case STARTING, STOPPED -> starting = true;
            }
        }
        List<NodeSync.ItemError> errors = new ArrayList<>();
        if (!running.isEmpty()) {
            DesiredState want = loadDesired(inst, device);
            String rootSecret = secrets.decrypt(inst.rootSecretSealed());
            for (ProvisionedNode n : running) {
                try (NodeClient client = nodes.connect(n.ip(), n.port(), inst.rootUser(), rootSecret)) {
                    client.health();
                    errors.addAll(sync.apply(client, n.id(), want, clock.millis()));
                } catch (NodeException e) {
                    nodeProblems.add("node " + n.id() + " (" + n.ip() + ":" + n.port() + "): " + e.getMessage());
                }
            }
            recordItems(want, errors, nodeProblems.isEmpty() && !starting);
        }
        return conclude(inst, nodeProblems, errors, starting);
    }

    private ReconcileResult conclude(Instance inst, List<String> nodeProblems, List<NodeSync.ItemError> errors,
            boolean starting) {
        List<String> problems = new ArrayList<>(nodeProblems);
        if (!errors.isEmpty()) {
            problems.add(errors.size() + " item(s) not applied; first: " + errors.get(0).kind() + " "
                    + errors.get(0).uuid() + ": " + errors.get(0).message());
        }
        if (!problems.isEmpty()) {
            String reason = String.join("; ", problems);
            record(inst, InstanceStatus.ERROR, reason, null);
            return new ReconcileResult.RetryWithBackoff(reason);
        }
        if (starting) {
            boolean firstTime = inst.observedGeneration() == 0;
            record(inst, firstTime ? InstanceStatus.CREATING : InstanceStatus.ERROR,
                    "waiting for nodes to become healthy", null);
            return new ReconcileResult.RequeueAfter(STARTING_POLL);
        }
        record(inst, InstanceStatus.ACTIVE, "", inst.generation());
        return new ReconcileResult.Done();
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
    private void recordItems(DesiredState want, List<NodeSync.ItemError> errors, boolean allNodes) {
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

    private ReconcileResult finalizeDelete(Instance inst) {
        try {
            provisioner.deprovision(inst.uuid());
        } catch (Provisioner.ProvisionException e) {
            db.writeVoid(h -> instances.recordDeleteFailure(h, inst.uuid(), e.getMessage()));
            return new ReconcileResult.RetryWithBackoff(e.getMessage());
        }
        db.writeVoid(h -> instances.delete(h, inst.uuid()));
        sync.forgetInstance(inst.uuid());
        return new ReconcileResult.Done();
    }

    private void record(Instance inst, InstanceStatus status, String reason, Long observedGeneration) {
        if (inst.status() == status && inst.statusReason().equals(reason) && observedGeneration == null) {
            return;
        }
        db.writeVoid(h -> instances.recordStatus(h, inst.uuid(), status, reason, observedGeneration));
    }
}
