package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.accesskey.AccessKey;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.instance.Instance.Encryption;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.node.NodeClient.NodeUser;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.policy.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link DesiredState} to one node: observe, then set everything to its desired value
 * (every setter is idempotent, so re-applying also repairs drift in settings), then remove what
 * the node has and the database does not (buckets only when empty, policies only our
 * {@code cp-} ones, every IAM user not backed by an access key).
 *
 * <p>Order matters: policies exist before users reference them; users and their policies are set
 * before stale policies are removed.
 */
final class NodeSync {
    private static final Logger LOG = LoggerFactory.getLogger(NodeSync.class);

    /** One resource that could not be applied; the node answered, so others still were. */
    record ItemError(String kind, String uuid, String message) {}

    private final SecretBox secrets;

    NodeSync(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** Returns per-item failures; throws {@link NodeException.Unreachable} when the node stops answering. */
    List<ItemError> apply(NodeClient node, DesiredState want, long now) throws NodeException {
        List<ItemError> errors = new ArrayList<>();
        syncBuckets(node, want, errors);
        syncPolicies(node, want, errors);
        syncUsers(node, want, now, errors);
        removeStalePolicies(node, want, errors);
        return errors;
    }

    private void syncBuckets(NodeClient node, DesiredState want, List<ItemError> errors) throws NodeException {
        Set<String> observed = node.listBuckets();
        Set<String> desired = new HashSet<>();
        boolean aes = want.instance().encryption() == Encryption.AES256;
        for (Bucket b : want.buckets()) {
            String name = b.name().value();
            desired.add(name);
            try {
                node.ensureBucket(name, b.objectLockEnabled());
                node.setVersioning(name, b.versioningEnabled());
                node.setPublic(name, b.publicRead());
                node.setQuota(name, b.quotaBytes());
                if (b.objectLockEnabled()) {
                    node.setDefaultRetention(name, b.retentionMode() == null ? null : b.retentionMode().name(),
                            b.retentionDays());
                }
                node.setEncryption(name, aes);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("bucket", b.uuid(), e.getMessage()));
            }
        }
        for (String extra : observed) {
            if (desired.contains(extra)) {
                continue;
            }
            try {
                node.deleteBucket(extra);
                LOG.info("removed bucket {} that is not in the database", extra);
            } catch (NodeException.BucketNotEmpty e) {
                // Never destroy data: a non-empty unknown bucket is left alone and reported in the log only.
                LOG.warn("bucket {} exists on the node but not in the database, and is not empty: left in place", extra);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("stale bucket", extra, e.getMessage()));
            }
        }
    }

    private static void syncPolicies(NodeClient node, DesiredState want, List<ItemError> errors) throws NodeException {
        for (Policy p : want.policies()) {
            try {
                node.upsertPolicy(p.nodeName(), p.content().json());
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("policy", p.uuid(), e.getMessage()));
            }
        }
    }

    private static void removeStalePolicies(NodeClient node, DesiredState want, List<ItemError> errors)
            throws NodeException {
        Set<String> desired = new HashSet<>();
        want.policies().forEach(p -> desired.add(p.nodeName()));
        for (String name : node.listPolicies()) {
            if (name.startsWith(Policy.NODE_PREFIX) && !desired.contains(name)) {
                try {
                    node.deletePolicy(name);
                } catch (NodeException.Unreachable e) {
                    throw e;
                } catch (NodeException e) {
                    errors.add(new ItemError("stale policy", name, e.getMessage()));
                }
            }
        }
    }

    private void syncUsers(NodeClient node, DesiredState want, long now, List<ItemError> errors) throws NodeException {
        Map<String, NodeUser> observed = new HashMap<>(node.listUsers());
        for (AccessKey key : want.keys()) {
            NodeUser seen = observed.remove(key.accessKey());
            List<String> policies = want.nodePolicies(key);
            try {
                // Always re-set: the node never reveals a secret, so a changed one is only repaired this way.
                node.upsertUser(key.accessKey(), secrets.decrypt(key.secretSealed()), want.keyEnabled(key, now));
                if (seen == null ? !policies.isEmpty() : !seen.policies().equals(policies)) {
                    node.setUserPolicies(key.accessKey(), policies);
                }
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("access key", key.uuid(), e.getMessage()));
            }
        }
        for (String stale : observed.keySet()) {
            try {
                node.deleteUser(stale);
                LOG.info("removed node user {} that no access key backs", stale);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("stale user", stale, e.getMessage()));
            }
        }
    }
}
