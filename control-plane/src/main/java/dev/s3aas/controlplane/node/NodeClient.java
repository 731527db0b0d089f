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

    void setVersioning(String bucket, boolean enabled) throws NodeException;

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

    @Override
    void close();

    /** Opens a client for a node endpoint with the instance's root credentials. */
    @FunctionalInterface
    interface Factory extends AutoCloseable {
        NodeClient connect(String host, int port, String rootUser, String rootSecret);

        /** Releases what the clients share (connection pools); the control plane calls it last. */
        @Override
        default void close() {
        }
    }
}
