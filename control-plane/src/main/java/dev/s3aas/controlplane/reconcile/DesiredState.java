package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.accesskey.AccessKey;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceMfa;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.policy.Policy;
import dev.s3aas.controlplane.user.S3User;
import java.util.List;
import java.util.Map;

/**
 * Everything an instance's nodes should hold, read from the database in one transaction, and the instance
 * root's MFA device ({@code mfa}, null if it has none) to change what MFA delete guards.
 */
public record DesiredState(
        Instance instance,
        InstanceMfa.Device mfa,
        List<Bucket> buckets,
        List<Policy> policies,
        Map<String, S3User> usersById,
        List<AccessKey> keys,
        Map<String, List<String>> policyNamesByUserId) {

    /** Node-side policy names of a key's user, sorted (the {@code cp-} prefix applied). */
    public List<String> nodePolicies(AccessKey key) {
        return policyNamesByUserId.getOrDefault(key.userId(), List.of()).stream()
                .map(n -> Policy.NODE_PREFIX + n).sorted().toList();
    }

    /** MFA delete is on for a bucket when the instance asks for it and the bucket is versioned (it guards versions). */
    public boolean mfaDelete(Bucket b) {
        return instance.mfaDelete() && b.versioningEnabled();
    }

    /** The {@code x-amz-mfa} value source for the nodes, or null without a device. */
    public NodeClient.MfaCode mfaCode(java.time.Clock clock) {
        return mfa == null ? null : () -> mfa.header(clock.instant());
    }

    /** A key is enabled on the nodes when it is ACTIVE, unexpired and its user is ACTIVE. */
    public boolean keyEnabled(AccessKey key, long now) {
        S3User user = usersById.get(key.userId());
        return user != null && user.enabled() && key.usableAt(now);
    }
}
