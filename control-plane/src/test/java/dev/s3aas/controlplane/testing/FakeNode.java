package dev.s3aas.controlplane.testing;

import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.node.NodeEndpoint;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.ObjectClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory data-plane node behind the {@link NodeClient} interface: it holds buckets,
 * canned policies and users, can be made unreachable or to reject calls, and counts calls.
 */
public final class FakeNode {
    /** A bucket's settings as the node holds them. */
    public static final class BucketState {
        public final boolean objectLock;
        public volatile boolean versioning;
        public volatile boolean mfaDelete;
        /** The x-amz-mfa value of the last versioning change that sent one. */
        public volatile String lastMfa;
        public volatile boolean publicRead;
        public volatile long quota;
        public volatile String retentionMode;
        public volatile Integer retentionDays;
        public volatile boolean encrypted;
        public volatile int objects;

        BucketState(boolean objectLock) {
            this.objectLock = objectLock;
        }
    }

    /** A node user. */
    public record User(String secret, boolean enabled, List<String> policies) {}

    public final Map<String, BucketState> buckets = new ConcurrentHashMap<>();
    public final Map<String, String> policies = new ConcurrentHashMap<>();
    public final Map<String, User> users = new ConcurrentHashMap<>();
    public volatile boolean unreachable;
    /** When set, every mutating call is rejected with this message. */
    public volatile String rejectWith;
    public volatile int calls;
    /** Calls of upsertUser (each carries a secret). */
    public volatile int userWrites;

    public FakeNode() {
        policies.put("readwrite", "{}");
        policies.put("readonly", "{}");
    }

    /** A factory giving clients of the fake node for each host:port (created on first use). */
    public static final class Cluster implements NodeClient.Factory {
        private final Map<String, FakeNode> nodes = new ConcurrentHashMap<>();

        public FakeNode node(String host, int port) {
            return nodes.computeIfAbsent(host + ":" + port, k -> new FakeNode());
        }

        public Map<String, FakeNode> all() {
            return nodes;
        }

        @Override
        public NodeClient connect(NodeEndpoint endpoint, String rootUser, String rootSecret) {
            return node(endpoint.host(), endpoint.port()).client();
        }
    }

    public NodeClient client() {
        return new Client();
    }

    private final class Client implements NodeClient {
        private void reach() throws NodeException {
            calls++;
            if (unreachable) {
                throw new NodeException.Unreachable("connection refused", null);
            }
        }

        private void write() throws NodeException {
            reach();
            if (rejectWith != null) {
                throw new NodeException.Rejected("InternalError", rejectWith, null);
            }
        }

        private BucketState bucket(String name) throws NodeException {
            BucketState b = buckets.get(name);
            if (b == null) {
                throw new NodeException.Rejected("NoSuchBucket", "no bucket " + name, null);
            }
            return b;
        }

        @Override
        public void health() throws NodeException {
            reach();
        }

        /** The fake holds no objects: the object routes are tested against real nodes. */
        @Override
        public ObjectClient objects() {
            return new NoObjects();
        }

        @Override
        public Set<String> listBuckets() throws NodeException {
            reach();
            return new TreeSet<>(buckets.keySet());
        }

        @Override
        public void ensureBucket(String bucket, boolean objectLock) throws NodeException {
            write();
            buckets.computeIfAbsent(bucket, k -> new BucketState(objectLock));
        }

        @Override
        public void deleteBucket(String bucket) throws NodeException {
            write();
            BucketState b = buckets.get(bucket);
            if (b != null && b.objects > 0) {
                throw new NodeException.BucketNotEmpty(bucket);
            }
            buckets.remove(bucket);
        }

        @Override
        public boolean isBucketEmpty(String bucket) throws NodeException {
            reach();
            return bucket(bucket).objects == 0;
        }

        /** The fake holds no object bytes: its object count, and 0 bytes. */
        @Override
        public dev.s3aas.controlplane.node.BucketUsage bucketUsage(String bucket) throws NodeException {
            reach();
            return new dev.s3aas.controlplane.node.BucketUsage(bucket(bucket).objects, 0);
        }

        @Override
        public void setVersioning(String bucket, boolean enabled, boolean mfaDelete, MfaCode mfa)
                throws NodeException {
            write();
            BucketState b = bucket(bucket);
            if (b.mfaDelete || mfaDelete) {
                b.lastMfa = mfa == null ? null : mfa.header();
            }
            b.versioning = enabled;
            b.mfaDelete = enabled && mfaDelete;
        }

        @Override
        public void setPublic(String bucket, boolean publicRead) throws NodeException {
            write();
            bucket(bucket).publicRead = publicRead;
        }

        @Override
        public void setQuota(String bucket, long bytes) throws NodeException {
            write();
            bucket(bucket).quota = bytes;
        }

        @Override
        public void setDefaultRetention(String bucket, String mode, Integer days) throws NodeException {
            write();
            BucketState b = bucket(bucket);
            b.retentionMode = mode;
            b.retentionDays = days;
        }

        @Override
        public void setEncryption(String bucket, boolean aes256) throws NodeException {
            write();
            bucket(bucket).encrypted = aes256;
        }

        @Override
        public void upsertPolicy(String name, String json) throws NodeException {
            write();
            policies.put(name, json);
        }

        @Override
        public void deletePolicy(String name) throws NodeException {
            write();
            policies.remove(name);
        }

        @Override
        public Set<String> listPolicies() throws NodeException {
            reach();
            return new TreeSet<>(policies.keySet());
        }

        @Override
        public void upsertUser(String accessKey, String secret, boolean enabled) throws NodeException {
            write();
            userWrites++;
            users.compute(accessKey, (k, old) -> new User(secret, enabled, old == null ? List.of() : old.policies()));
        }

        @Override
        public void deleteUser(String accessKey) throws NodeException {
            write();
            users.remove(accessKey);
        }

        @Override
        public Map<String, NodeUser> listUsers() throws NodeException {
            reach();
            Map<String, NodeUser> out = new TreeMap<>();
            users.forEach((k, u) -> out.put(k, new NodeUser(u.enabled(), u.policies())));
            return out;
        }

        @Override
        public void setUserPolicies(String accessKey, List<String> policyNames) throws NodeException {
            write();
            User u = users.get(accessKey);
            if (u == null) {
                throw new NodeException.Rejected("XMinioAdminNoSuchUser", accessKey, null);
            }
            users.put(accessKey, new User(u.secret(), u.enabled(), new ArrayList<>(policyNames)));
        }

        @Override
        public void close() {
        }
    }

    /** Refuses every object operation as a node without the feature would (501 NotImplemented). */
    private static final class NoObjects implements ObjectClient {
        private static NodeException refused() {
            return new NodeException.Rejected("NotImplemented", "the fake node stores no objects", null, 501);
        }

        @Override
        public ObjectListing listObjects(ListObjects request) throws NodeException {
            throw refused();
        }

        @Override
        public VersionListing listVersions(ListVersions request) throws NodeException {
            throw refused();
        }

        @Override
        public PutResult putObject(String bucket, String key, String contentType, long length,
                java.io.InputStream body) throws NodeException {
            throw refused();
        }

        @Override
        public ObjectData getObject(String bucket, String key, String versionId) throws NodeException {
            throw refused();
        }

        @Override
        public ObjectHead headObject(String bucket, String key, String versionId) throws NodeException {
            throw refused();
        }

        @Override
        public DeleteResult deleteObject(String bucket, String key, String versionId) throws NodeException {
            throw refused();
        }
    }
}
