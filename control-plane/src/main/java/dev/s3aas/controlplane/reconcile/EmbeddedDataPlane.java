package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.node.BucketUsage;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.ObjectClient;
import dev.s3aas.controlplane.provision.Provisioner;
import dev.s3aas.controlplane.provision.Provisioner.NodeSpec;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionException;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionedNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded engine: the instance's nodes are processes the {@link Provisioner} runs, each an independent
 * store, so every RUNNING node is synced on its own ({@link NodeSync}), even when others are down: a
 * revocation must reach the healthy nodes at once. Failed, unreachable and starting nodes are problems.
 */
public final class EmbeddedDataPlane implements DataPlane {
    private final Provisioner provisioner;
    private final NodeClient.Factory nodes;
    private final SecretBox secrets;
    private final NodeSync sync;
    private final NodeProbe probe;
    private final Clock clock;

    public EmbeddedDataPlane(Provisioner provisioner, NodeClient.Factory nodes, SecretBox secrets, Clock clock) {
        this.provisioner = provisioner;
        this.nodes = nodes;
        this.secrets = secrets;
        // MFA codes are checked against the nodes' wall clock, whatever clock drives the reconciler's timing.
        this.sync = new NodeSync(secrets, Clock.systemUTC());
        this.probe = new NodeProbe(provisioner, nodes, secrets);
        this.clock = clock;
    }

    @Override
    public List<ProvisionedNode> provision(Instance instance, NodeSpec spec) throws ProvisionException {
        List<ProvisionedNode> provisioned = provisioner.provision(spec);
        sync.retainNodes(instance.uuid(), provisioned.stream().map(ProvisionedNode::id).toList());
        return provisioned;
    }

    @Override
    public Outcome apply(DesiredState want, List<ProvisionedNode> provisioned) {
        Instance inst = want.instance();
        List<String> problems = new ArrayList<>();
        List<ProvisionedNode> running = new ArrayList<>();
        boolean starting = false;
        for (ProvisionedNode n : provisioned) {
            switch (n.status()) {
                case RUNNING -> running.add(n);
                case FAILED -> problems.add("node " + n.id() + " failed: " + n.detail());
                case STARTING, STOPPED -> starting = true;
            }
        }
        List<ItemError> errors = new ArrayList<>();
        if (!running.isEmpty()) {
            String rootSecret = secrets.decrypt(inst.rootSecretSealed());
            for (ProvisionedNode n : running) {
                try (NodeClient client = nodes.connect(n.endpoint(), inst.rootUser(), rootSecret)) {
                    client.health();
                    errors.addAll(sync.apply(client, n.id(), want, clock.millis()));
                } catch (NodeException e) {
                    problems.add("node " + n.id() + " (" + n.endpoint().url() + "): " + e.getMessage());
                }
            }
        }
        return new Outcome(problems, List.of(), errors, starting);
    }

    @Override
    public void deprovision(Instance instance) throws ProvisionException {
        provisioner.deprovision(instance.uuid());
        sync.forgetInstance(instance.uuid());
    }

    @Override
    public Optional<Boolean> isBucketEmpty(Instance instance, String bucket) {
        return probe.isEmpty(instance, bucket);
    }

    /**
     * Through the first running node, where the provisioner observes it now. A local instance has one node
     * (several are refused at creation); on an older one with several, each an independent store, that is the
     * first node's objects. The node client holds nothing of its own (it shares the factory's HTTP clients).
     */
    @Override
    public ObjectClient objects(Instance instance) throws NodeException {
        return onFirstRunningNode(instance, NodeClient::objects);
    }

    /** From the first running node's admin API, like {@link #objects}: the node counts what it stores. */
    @Override
    public BucketUsage usage(Instance instance, String bucket) throws NodeException {
        return onFirstRunningNode(instance, c -> c.bucketUsage(bucket));
    }

    @FunctionalInterface
    private interface NodeCall<T> {
        T on(NodeClient client) throws NodeException;
    }

    private <T> T onFirstRunningNode(Instance instance, NodeCall<T> call) throws NodeException {
        for (ProvisionedNode n : provisioner.observe(instance.uuid())) {
            if (n.status() == Provisioner.NodeStatus.RUNNING) {
                try (NodeClient client = nodes.connect(n.endpoint(), instance.rootUser(),
                        secrets.decrypt(instance.rootSecretSealed()))) {
                    return call.on(client);
                }
            }
        }
        throw new NodeException.Unreachable("no node of instance " + instance.name() + " is running", null);
    }
}
