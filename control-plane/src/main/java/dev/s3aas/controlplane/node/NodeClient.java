package dev.s3aas.controlplane.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The narrow seam between the reconciler and one data-plane node, authenticated as the
 * instance's root user. Every call is idempotent: "ensure"/"set"/"upsert" converge to the given
 * value whatever the node had, "delete" of something absent succeeds.
 */
public interface NodeClient extends AutoCloseable {
    /** Throws when the node does not serve. */
    void health() throws NodeException;

    Set<String> listBuckets() throws NodeException;

    /** Creates the bucket if missing ({@code objectLock} only matters at creation, as in S3). */
    void ensureBucket(String bucket, boolean objectLock) throws NodeException;

    void deleteBucket(String bucket) throws NodeException;

    boolean isBucketEmpty(String bucket) throws NodeException;

    /** The bucket's objects and bytes as the node counts them; NoSuchBucket when the node does not hold it. */
    BucketUsage bucketUsage(String bucket) throws NodeException;

    /**
     * Versioning on (Enabled) or off (Suspended; a never-versioned bucket stays so), and MFA delete on or off
     * ({@code mfaDelete} only with {@code enabled}: it guards versions). Changing MFA delete, or anything while
     * it is on, sends {@code mfa}'s current code in {@code x-amz-mfa}.
     *
     * @param mfa the instance root's MFA device, or null when it has none
     */
    void setVersioning(String bucket, boolean enabled, boolean mfaDelete, MfaCode mfa) throws NodeException;

    /** The {@code x-amz-mfa} value ("serial code") of the root account's device, computed when called. */
    @FunctionalInterface
    interface MfaCode {
        String header();
    }

    /** Public = a bucket policy granting anonymous {@code s3:GetObject}; private = no bucket policy. */
    void setPublic(String bucket, boolean publicRead) throws NodeException;

    /** Hard quota in bytes; 0 clears it. */
    void setQuota(String bucket, long bytes) throws NodeException;

    /** Default retention of an object-lock bucket; {@code mode == null} clears it. */
    void setDefaultRetention(String bucket, String mode, Integer days) throws NodeException;

    /** SSE-S3 default encryption on ({@code aes256}) or off. */
    void setEncryption(String bucket, boolean aes256) throws NodeException;

    void upsertPolicy(String name, String json) throws NodeException;

    void deletePolicy(String name) throws NodeException;

    Set<String> listPolicies() throws NodeException;

    /** A node user as observed. */
    record NodeUser(boolean enabled, List<String> policies) {
        public NodeUser {
            policies = List.copyOf(policies);
        }
    }

    void upsertUser(String accessKey, String secret, boolean enabled) throws NodeException;

    void deleteUser(String accessKey) throws NodeException;

    Map<String, NodeUser> listUsers() throws NodeException;

    /** Replaces the user's policy set; an empty list detaches all. */
    void setUserPolicies(String accessKey, List<String> policyNames) throws NodeException;

    /** The node's object operations (the console's object browser), as the root user; no I/O until called. */
    ObjectClient objects();

    @Override
    void close();

    /** Opens a client for a node endpoint with the instance's root credentials. */
    @FunctionalInterface
    interface Factory extends AutoCloseable {
        NodeClient connect(NodeEndpoint endpoint, String rootUser, String rootSecret);

        /** A node serving plain HTTP. */
        default NodeClient connect(String host, int port, String rootUser, String rootSecret) {
            return connect(NodeEndpoint.plain(host, port), rootUser, rootSecret);
        }

        /** Releases what the clients share (connection pools); the control plane calls it last. */
        @Override
        default void close() {
        }
    }
}
