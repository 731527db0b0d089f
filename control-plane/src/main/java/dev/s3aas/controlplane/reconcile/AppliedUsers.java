package dev.s3aas.controlplane.reconcile;

import dev.s3aas.common.checksum.Digests;
import dev.s3aas.controlplane.accesskey.AccessKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this control plane last applied to each node user (per instance, node and access key), so
 * a key's secret is re-sent only when the key changed. Sending one is not cheap: the MinIO admin
 * client encrypts the body with Argon2id (64 MiB), for every key on every resync pass.
 *
 * <p>In memory only: after a restart the first pass re-sends everything. Users missing on the node
 * or with another status or policy set are found by listing the node's users (one call), so only
 * a secret changed behind our back goes unseen; {@link #RESEND_AFTER} bounds how long.
 *
 * <p>The fingerprint is taken over the sealed secret, not the secret itself, so no digest of a
 * plaintext secret is kept; re-encrypting a secret merely causes one more send.
 */
final class AppliedUsers {
    /** The node never reveals a secret: a key whose secret was changed on the node is repaired this late. */
    static final Duration RESEND_AFTER = Duration.ofHours(1);

    private record Applied(String fingerprint, long at) {}

    /** instance id → node id → access key → what was applied. */
    private final Map<String, Map<String, Map<String, Applied>>> applied = new ConcurrentHashMap<>();

    /** True when the key's secret and status must be sent to the node again. */
    boolean needsSend(String instanceId, String nodeId, AccessKey key, boolean enabled, List<String> policies, long now) {
        Applied last = node(instanceId, nodeId).get(key.accessKey());
        return last == null || !last.fingerprint().equals(fingerprint(key, enabled, policies))
                || now - last.at() >= RESEND_AFTER.toMillis();
    }

    /** Records a successful apply; {@code sent} tells whether the secret went out (else the old time stays). */
    void applied(String instanceId, String nodeId, AccessKey key, boolean enabled, List<String> policies, long now,
            boolean sent) {
        Map<String, Applied> users = node(instanceId, nodeId);
        Applied last = users.get(key.accessKey());
        long at = sent || last == null ? now : last.at();
        users.put(key.accessKey(), new Applied(fingerprint(key, enabled, policies), at));
    }

    /** Forgets one user (failed, or removed from the node): the next pass sends it again. */
    void forget(String instanceId, String nodeId, String accessKey) {
        node(instanceId, nodeId).remove(accessKey);
    }

    /** Keeps only these access keys of a node (the others were deleted). */
    void retainKeys(String instanceId, String nodeId, Set<String> accessKeys) {
        node(instanceId, nodeId).keySet().retainAll(accessKeys);
    }

    /** Keeps only these nodes of an instance (the others were removed). */
    void retainNodes(String instanceId, Collection<String> nodeIds) {
        applied.computeIfAbsent(instanceId, k -> new ConcurrentHashMap<>()).keySet().retainAll(Set.copyOf(nodeIds));
    }

    void forgetInstance(String instanceId) {
        applied.remove(instanceId);
    }

    private Map<String, Applied> node(String instanceId, String nodeId) {
        return applied.computeIfAbsent(instanceId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(nodeId, k -> new ConcurrentHashMap<>());
    }

    private static String fingerprint(AccessKey key, boolean enabled, List<String> policies) {
        String s = key.secretSealed() + '\n' + enabled + '\n' + String.join(",", policies);
        return Digests.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }
}
