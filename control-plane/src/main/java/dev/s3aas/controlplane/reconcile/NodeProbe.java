package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.bucket.BucketService;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.provision.NodeStore.NodeRecord;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "is this bucket empty?" for the 409 on bucket delete. Every node holds its own copy of
 * the bucket, so every node is asked: not empty as soon as one holds objects, unknown (empty
 * {@link Optional}) when none does but some node could not be asked.
 */
public final class NodeProbe implements BucketService.EmptinessProbe {
    private static final Logger LOG = LoggerFactory.getLogger(NodeProbe.class);

    private final NodeStore store;
    private final NodeClient.Factory nodes;
    private final SecretBox secrets;

    public NodeProbe(NodeStore store, NodeClient.Factory nodes, SecretBox secrets) {
        this.store = store;
        this.nodes = nodes;
        this.secrets = secrets;
    }

    @Override
    public Optional<Boolean> isEmpty(Instance instance, String bucket) {
        String rootSecret = secrets.decrypt(instance.rootSecretSealed());
        boolean unknown = false;
        for (NodeRecord n : store.list(instance.uuid())) {
            try (NodeClient c = nodes.connect(n.ip(), n.port(), instance.rootUser(), rootSecret)) {
                if (c.listBuckets().contains(bucket) && !c.isBucketEmpty(bucket)) {
                    return Optional.of(false);
                }
            } catch (NodeException e) {
                LOG.info("bucket {}: node {} of instance {} cannot say whether it is empty: {}", bucket, n.uuid(),
                        instance.uuid(), e.getMessage());
                unknown = true;
            }
        }
        return unknown ? Optional.empty() : Optional.of(true);
    }
}
