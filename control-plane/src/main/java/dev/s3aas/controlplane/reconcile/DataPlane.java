package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.node.BucketUsage;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.ObjectClient;
import dev.s3aas.controlplane.provision.Provisioner.NodeSpec;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionException;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionedNode;
import java.util.List;
import java.util.Optional;

/**
 * One data-plane engine as the reconciler drives it: make an instance's data plane exist, bring it to the
 * desired state, remove it. Two implementations: {@link EmbeddedDataPlane} (local node processes, each an
 * independent store that is synced one by one) and {@code ceph.CephDataPlane} (an RGW tenant on a Ceph
 * cluster, whose gateways share one store, so the state is applied once through any healthy gateway).
 */
public interface DataPlane {
    /** Ensures the instance's data plane exists (idempotent); its nodes as observed now. */
    List<ProvisionedNode> provision(Instance instance, NodeSpec spec) throws ProvisionException;

    /** Applies {@code want} given the nodes {@link #provision} observed; never throws for a data-plane failure. */
    Outcome apply(DesiredState want, List<ProvisionedNode> nodes);

    /** Removes everything of the instance from the data plane (nodes and data, or the tenant). */
    void deprovision(Instance instance) throws ProvisionException;

    /** Whether a bucket holds nothing; empty when the data plane could not say. */
    Optional<Boolean> isBucketEmpty(Instance instance, String bucket);

    /**
     * The instance's S3 object operations through a node (or gateway) that serves now, signed with credentials
     * the control plane holds (the instance root, the tenant owner), so none ever leave it.
     *
     * @throws NodeException.Unreachable when no node of the instance serves
     */
    ObjectClient objects(Instance instance) throws NodeException;

    /**
     * A bucket's objects and bytes as the engine counts them, asked when called (nothing is cached).
     *
     * @throws NodeException.Unreachable when no node of the instance serves
     */
    BucketUsage usage(Instance instance, String bucket) throws NodeException;

    /**
     * What one apply found.
     *
     * @param problems why the instance is not fully applied (a node down, a store unreachable): status ERROR
     * @param warnings what is wrong while the desired state is applied and served (one of several gateways
     *     down, the cluster's own health warnings): status ACTIVE, with these as the reason
     * @param errors items the data plane refused
     * @param starting nodes still starting: look again soon
     */
    record Outcome(List<String> problems, List<String> warnings, List<ItemError> errors, boolean starting) {
        public Outcome {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }

        /** True when every node got the desired state (items may still have been refused). */
        public boolean everywhere() {
            return problems.isEmpty() && !starting;
        }
    }
}
