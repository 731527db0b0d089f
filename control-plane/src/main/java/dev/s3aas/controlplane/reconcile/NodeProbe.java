package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.bucket.BucketService;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.provision.NodeStore.NodeRecord;
import java.util.List;
import java.util.Optional;

/** Answers "is this bucket empty?" from the instance's first node, for the 409 on bucket delete. */
public final class NodeProbe implements BucketService.EmptinessProbe {
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
        List<NodeRecord> rows = store.list(instance.uuid());
        if (rows.isEmpty()) {
            return Optional.of(true);
        }
        NodeRecord n = rows.get(0);
        try (NodeClient c = nodes.connect(n.ip(), n.port(), instance.rootUser(), secrets.decrypt(instance.rootSecretSealed()))) {
            if (!c.listBuckets().contains(bucket)) {
                return Optional.of(true);
            }
            return Optional.of(c.isBucketEmpty(bucket));
        } catch (NodeException e) {
            return Optional.empty();
        }
    }
}
