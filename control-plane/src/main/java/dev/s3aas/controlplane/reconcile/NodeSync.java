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
 * {@code cp-} ones, every IAM user not backed by an access key). A key's secret is the exception to
 * "set everything": it is sent only when the key changed ({@link AppliedUsers}).
 *
 * <p>Order matters: policies exist before users reference them; users and their policies are set
 * before stale policies are removed.
 */
final class NodeSync {
    private static final Logger LOG = LoggerFactory.getLogger(NodeSync.class);

    private final SecretBox secrets;
    private final java.time.Clock clock;
    private final AppliedUsers applied = new AppliedUsers();

    /** @param clock for MFA codes: the instant a code is computed must be the nodes' "now" within ±30 s */
    NodeSync(SecretBox secrets, java.time.Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Applies {@code want} to the node {@code nodeId} of the instance. Returns per-item failures;
     * throws {@link NodeException.Unreachable} when the node stops answering.
     */
    List<ItemError> apply(NodeClient node, String nodeId, DesiredState want, long now) throws NodeException {
        List<ItemError> errors = new ArrayList<>();
        syncBuckets(node, want, errors);
        syncPolicies(node, want, errors);
        syncUsers(node, nodeId, want, now, errors);
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
                node.setVersioning(name, b.versioningEnabled(), want.mfaDelete(b), want.mfaCode(clock));
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

    /** Forgets what was applied to nodes of the instance other than {@code nodeIds} (removed nodes). */
    void retainNodes(String instanceId, List<String> nodeIds) {
        applied.retainNodes(instanceId, nodeIds);
    }

    /** Forgets everything about a deleted instance. */
    void forgetInstance(String instanceId) {
        applied.forgetInstance(instanceId);
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

    private void syncUsers(NodeClient node, String nodeId, DesiredState want, long now, List<ItemError> errors)
            throws NodeException {
        String instanceId = want.instance().uuid();
        Map<String, NodeUser> observed = new HashMap<>(node.listUsers());
        Set<String> desired = new HashSet<>();
        for (AccessKey key : want.keys()) {
            desired.add(key.accessKey());
            NodeUser seen = observed.remove(key.accessKey());
            List<String> policies = want.nodePolicies(key);
            boolean enabled = want.keyEnabled(key, now);
            // A missing user or another status shows in the listing; a changed secret only in our record.
            boolean send = seen == null || seen.enabled() != enabled
                    || applied.needsSend(instanceId, nodeId, key, enabled, policies, now);
            try {
                if (send) {
                    node.upsertUser(key.accessKey(), secrets.decrypt(key.secretSealed()), enabled);
                }
                if (seen == null ? !policies.isEmpty() : !seen.policies().equals(policies)) {
                    node.setUserPolicies(key.accessKey(), policies);
                }
                applied.applied(instanceId, nodeId, key, enabled, policies, now, send);
            } catch (NodeException.Unreachable e) {
                applied.forget(instanceId, nodeId, key.accessKey());
                throw e;
            } catch (NodeException e) {
                applied.forget(instanceId, nodeId, key.accessKey());
                errors.add(new ItemError("access key", key.uuid(), e.getMessage()));
            }
        }
        applied.retainKeys(instanceId, nodeId, desired);
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
