package dev.s3aas.controlplane.metrics;

import dev.s3aas.controlplane.provision.Provisioner;
import java.util.List;

/**
 * Counts what the reconciler asks of the provisioner ({@code s3aas_provisioner_actions_total{action,outcome}}:
 * provision — which starts the nodes that are missing, a no-op when all run — and deprovision, each ok or failed),
 * around any provisioner, so the provisioners stay free of metrics.
 */
public final class MeteredProvisioner implements Provisioner {
    private final Provisioner inner;
    private final ControlPlaneMetrics metrics;

    public MeteredProvisioner(Provisioner inner, ControlPlaneMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public List<ProvisionedNode> provision(NodeSpec spec) throws ProvisionException {
        try {
            List<ProvisionedNode> nodes = inner.provision(spec);
            metrics.provisionerAction("provision", "ok");
            return nodes;
        } catch (ProvisionException | RuntimeException e) {
            metrics.provisionerAction("provision", "failed");
            throw e;
        }
    }

    @Override
    public List<ProvisionedNode> observe(String instanceId) {
        return inner.observe(instanceId);
    }

    @Override
    public void deprovision(String instanceId) throws ProvisionException {
        try {
            inner.deprovision(instanceId);
            metrics.provisionerAction("deprovision", "ok");
        } catch (ProvisionException | RuntimeException e) {
            metrics.provisionerAction("deprovision", "failed");
            throw e;
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
