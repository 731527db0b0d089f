package dev.s3aas.controlplane.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.node.NodeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RGW admin operations the Ceph engine uses, signed as the cluster's admin user, which needs the caps
 * {@code users=*; buckets=*; metadata=*; usage=*; user-policy=*} (see docs/ceph.md). Users are named
 * {@code tenant$uid}; buckets of a tenant {@code tenant/bucket}.
 *
 * <p>Found on Pacific 16.2.15 and relied on here: every admin write to a user (key added or removed,
 * suspension changed) drops the user's inline IAM policies, so {@link TenantSync} writes policies after
 * every other change to a user and checks them on every pass.
 */
final class RgwAdmin {
    /**
     * A user as RGW reports it: suspended or not, its S3 keys (access key → secret) and how many buckets it may
     * create ({@code maxBuckets} below 0: none).
     */
    record RgwUser(String uid, boolean suspended, Map<String, String> keys, int maxBuckets) {
        @Override
        public String toString() {
            return "RgwUser[" + uid + ", suspended=" + suspended + ", keys=" + keys.keySet() + "]";
        }
    }

    /** A bucket as RGW reports it: its owner, hard quota in bytes (0 = none) and number of objects. */
    record RgwBucket(String owner, long quotaBytes, long objects, long bytes) {}

    private static final int PAGE = 1000;

    private final RgwHttp http;

    RgwAdmin(RgwHttp http) {
        this.http = http;
    }

    /** A cheap authenticated read that needs the metadata cap: proves the keys and the caps. */
    void ping() throws NodeException {
        http.admin("GET", "metadata/user", query("max-entries", "1"), null);
    }

    Optional<RgwUser> user(String uid) throws NodeException {
        try {
            JsonNode u = http.admin("GET", "user", query("uid", uid), null).json();
            Map<String, String> keys = new LinkedHashMap<>();
            for (JsonNode k : u.path("keys")) {
                keys.put(k.path("access_key").asText(), k.path("secret_key").asText());
            }
            return Optional.of(new RgwUser(uid, u.path("suspended").asInt() != 0, keys, u.path("max_buckets").asInt()));
        } catch (NodeException.Rejected e) {
            if ("NoSuchUser".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates a user without keys (RGW would otherwise generate one) that may create {@code maxBuckets} buckets
     * (below 0: none; RGW lets any user create buckets whatever its policies say, so this is the only way to keep
     * bucket creation with the control plane).
     */
    void createUser(String uid, String displayName, int maxBuckets) throws NodeException {
        http.admin("PUT", "user", query("uid", uid, "display-name", displayName, "generate-key", "false",
                "max-buckets", Integer.toString(maxBuckets)), null);
    }

    void setMaxBuckets(String uid, int maxBuckets) throws NodeException {
        http.admin("POST", "user", query("uid", uid, "max-buckets", Integer.toString(maxBuckets)), null);
    }

    void setSuspended(String uid, boolean suspended) throws NodeException {
        http.admin("POST", "user", query("uid", uid, "suspended", Boolean.toString(suspended)), null);
    }

    void addKey(String uid, String accessKey, String secretKey) throws NodeException {
        http.admin("PUT", "user", query("key", null, "uid", uid, "key-type", "s3", "access-key", accessKey,
                "secret-key", secretKey), null);
    }

    void removeKey(String uid, String accessKey) throws NodeException {
        try {
            http.admin("DELETE", "user", query("key", null, "uid", uid, "key-type", "s3", "access-key", accessKey), null);
        } catch (NodeException.Rejected e) {
            if (!"InvalidAccessKeyId".equals(e.code()) && !"NoSuchKey".equals(e.code())) {
                throw e;
            }
        }
    }

    /**
     * Removes a user; without {@code purge} RGW refuses while the user owns buckets, which is how a user
     * found behind our back keeps its data.
     */
    void deleteUser(String uid, boolean purge) throws NodeException {
        try {
            http.admin("DELETE", "user", query("uid", uid, "purge-data", Boolean.toString(purge)), null);
        } catch (NodeException.Rejected e) {
            if (!"NoSuchUser".equals(e.code())) {
                throw e;
            }
        }
    }

    /** Every user id of the cluster ({@code tenant$uid}), paged through the metadata API. */
    List<String> listUsers() throws NodeException {
        return metadataKeys("user");
    }

    /** Every bucket of the cluster ({@code tenant/bucket}). */
    List<String> listBuckets() throws NodeException {
        return metadataKeys("bucket");
    }

    private List<String> metadataKeys(String section) throws NodeException {
        List<String> out = new ArrayList<>();
        String marker = null;
        do {
            Map<String, String> q = query("max-entries", Integer.toString(PAGE));
            if (marker != null) {
                q.put("marker", marker);
            }
            JsonNode page = http.admin("GET", "metadata/" + section, q, null).json();
            page.path("keys").forEach(k -> out.add(k.asText()));
            marker = page.path("truncated").asBoolean(false) || "true".equals(page.path("truncated").asText())
                    ? page.path("marker").asText(null) : null;
        } while (marker != null);
        return out;
    }

    Optional<RgwBucket> bucket(String tenant, String bucket) throws NodeException {
        try {
            JsonNode b = http.admin("GET", "bucket", query("bucket", tenant + "/" + bucket, "stats", "true"), null).json();
            JsonNode q = b.path("bucket_quota");
            long quota = q.path("enabled").asBoolean(false) && q.path("max_size").asLong(-1) > 0
                    ? q.path("max_size").asLong() : 0;
            long objects = 0;
            long bytes = 0;
            // usage is per category (rgw.main, rgw.multimeta…): num_objects, and size = the objects' bytes
            for (JsonNode category : b.path("usage")) {
                objects += category.path("num_objects").asLong(0);
                bytes += category.path("size").asLong(0);
            }
            return Optional.of(new RgwBucket(b.path("owner").asText(), quota, objects, bytes));
        } catch (NodeException.Rejected e) {
            if ("NoSuchBucket".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Hard quota on one bucket in bytes; 0 turns it off. RGW checks it against the bucket index stats. */
    void setBucketQuota(String ownerUid, String bucket, long bytes) throws NodeException {
        String body = bytes > 0
                ? "{\"enabled\":true,\"max_size\":" + bytes + ",\"max_objects\":-1}"
                : "{\"enabled\":false,\"max_size\":-1,\"max_objects\":-1}";
        http.admin("PUT", "bucket", query("quota", null, "uid", ownerUid, "bucket", bucket), body);
    }

    /** Removes a bucket; {@code purge} removes its objects (every version, locked or not) first. */
    void deleteBucket(String tenant, String bucket, boolean purge) throws NodeException {
        try {
            http.admin("DELETE", "bucket", query("bucket", tenant + "/" + bucket, "purge-objects",
                    Boolean.toString(purge)), null);
        } catch (NodeException.Rejected e) {
            if ("BucketNotEmpty".equals(e.code())) {
                throw new NodeException.BucketNotEmpty(tenant + "/" + bucket);
            }
            if (!"NoSuchBucket".equals(e.code())) {
                throw e;
            }
        }
    }

    // IAM inline user policies (Pacific has no managed policies).

    void putUserPolicy(String uid, String name, String json) throws NodeException {
        http.iam("PutUserPolicy", Map.of("UserName", uid, "PolicyName", name, "PolicyDocument", json));
    }

    void deleteUserPolicy(String uid, String name) throws NodeException {
        try {
            http.iam("DeleteUserPolicy", Map.of("UserName", uid, "PolicyName", name));
        } catch (NodeException.Rejected e) {
            if (!"NoSuchEntity".equals(e.code())) {
                throw e;
            }
        }
    }

    /** The user's inline policy names; none when the user has none (RGW answers NoSuchEntity then). */
    List<String> listUserPolicies(String uid) throws NodeException {
        try {
            return RgwHttp.texts(http.iam("ListUserPolicies", Map.of("UserName", uid)).body(), "member");
        } catch (NodeException.Rejected e) {
            if ("NoSuchEntity".equals(e.code())) {
                return List.of();
            }
            throw e;
        }
    }

    Optional<String> getUserPolicy(String uid, String name) throws NodeException {
        try {
            List<String> docs = RgwHttp.texts(http.iam("GetUserPolicy", Map.of("UserName", uid, "PolicyName", name))
                    .body(), "PolicyDocument");
            return docs.stream().findFirst();
        } catch (NodeException.Rejected e) {
            if ("NoSuchEntity".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** An ordered query from key/value pairs (a null value sends the bare key, as in {@code ?quota}). */
    private static Map<String, String> query(String... kv) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            q.put(kv[i], kv[i + 1]);
        }
        return q;
    }
}
