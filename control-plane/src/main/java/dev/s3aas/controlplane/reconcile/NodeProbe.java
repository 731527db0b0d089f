package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.bucket.BucketService;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.provision.Provisioner;
import dev.s3aas.controlplane.provision.Provisioner.NodeStatus;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionedNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "is this bucket empty?" for the 409 on bucket delete. Every node holds its own copy of
 * the bucket, so every node is asked: not empty as soon as one holds objects, unknown (empty
 * {@link Optional}) when none does but some node could not be asked. Nodes are asked where the provisioner
 * observes them, over HTTPS when they serve it; a stopped one is not asked at all.
 */
public final class NodeProbe implements BucketService.EmptinessProbe {
    private static final Logger LOG = LoggerFactory.getLogger(NodeProbe.class);

    private final Provisioner provisioner;
    private final NodeClient.Factory nodes;
    private final SecretBox secrets;

    public NodeProbe(Provisioner provisioner, NodeClient.Factory nodes, SecretBox secrets) {
        this.provisioner = provisioner;
        this.nodes = nodes;
        this.secrets = secrets;
    }

    @Override
    public Optional<Boolean> isEmpty(Instance instance, String bucket) {
        String rootSecret = secrets.decrypt(instance.rootSecretSealed());
        boolean unknown = false;
        for (ProvisionedNode n : provisioner.observe(instance.uuid())) {
            if (n.status() == NodeStatus.STOPPED) {
                LOG.info("bucket {}: node {} of instance {} is stopped and cannot say whether it is empty", bucket,
                        n.id(), instance.uuid());
                unknown = true;
                continue;
            }
            try (NodeClient c = nodes.connect(n.endpoint(), instance.rootUser(), rootSecret)) {
                if (c.listBuckets().contains(bucket) && !c.isBucketEmpty(bucket)) {
                    return Optional.of(false);
                }
            } catch (NodeException e) {
                LOG.info("bucket {}: node {} of instance {} cannot say whether it is empty: {}", bucket, n.id(),
                        instance.uuid(), e.getMessage());
                unknown = true;
            }
        }
        return unknown ? Optional.empty() : Optional.of(true);
    }
}
