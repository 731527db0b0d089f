package dev.s3aas.controlplane.node;

import io.minio.admin.MinioAdminClient;
import io.minio.admin.QuotaUnit;
import io.minio.admin.UserInfo;
import io.minio.admin.messages.BucketUsageInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * {@link NodeClient} over the node's two APIs, through the official MinIO Java SDK: the MinIO
 * admin API v3 ({@link MinioAdminClient}: users, canned policies, user policies, bucket quotas)
 * and the S3 API ({@link S3BucketClient}: buckets, versioning, bucket policy, object lock default
 * retention, default encryption). User policy sets go through {@link SignedAdminCall}, object operations through
 * {@link S3ObjectClient}. Over HTTPS when the
 * node serves it, with HTTP clients that trust the node's CA only ({@link MinioNodeClients}).
 */
final class MinioNodeClient implements NodeClient {
    private static final String REGION = "us-east-1";

    private final String endpoint;
    private final S3BucketClient buckets;
    private final MinioAdminClient admin;
    private final HttpClient http;
    private final SignedAdminCall adminCall;
    private final S3ObjectClient objects;

    /**
     * Over the shared HTTP clients of a {@link MinioNodeClients}, which owns (and closes) them. Every call sends
     * the request ids of the thread that opens the client ({@link RequestIdHeader}).
     */
    MinioNodeClient(NodeEndpoint node, String rootUser, String rootSecret, OkHttpClient shared, HttpClient http) {
        OkHttpClient ok = RequestIdHeader.onto(shared, RequestIdHeader.current());
        this.endpoint = node.url();
        this.buckets = new S3BucketClient(endpoint, rootUser, rootSecret, ok);
        this.admin = MinioAdminClient.builder().endpoint(endpoint).credentials(rootUser, rootSecret).region(REGION)
                .httpClient(ok).build();
        this.http = http;
        this.adminCall = new SignedAdminCall(http, node, rootUser, rootSecret, REGION, Clock.systemUTC());
        this.objects = new S3ObjectClient(http, endpoint, rootUser, rootSecret, Clock.systemUTC());
    }

    private <T> T call(String what, S3BucketClient.Call<T> c) throws NodeException {
        return S3BucketClient.call(endpoint, what, c);
    }

    private void run(String what, S3BucketClient.Call<?> c, String... toleratedCodes) throws NodeException {
        S3BucketClient.run(endpoint, what, c, toleratedCodes);
    }

    @Override
    public Set<String> listBuckets() throws NodeException {
        return buckets.listBuckets();
    }

    @Override
    public void ensureBucket(String bucket, boolean objectLock) throws NodeException {
        buckets.ensureBucket(bucket, objectLock);
    }

    @Override
    public void deleteBucket(String bucket) throws NodeException {
        buckets.deleteBucket(bucket);
    }

    @Override
    public boolean isBucketEmpty(String bucket) throws NodeException {
        return buckets.isBucketEmpty(bucket);
    }

    /**
     * From the admin API's {@code datausageinfo} ({@code madmin.DataUsageInfo}). Our node answers it from the
     * per-bucket counters it commits with every write (the ones its quotas check), so it is exact and cheap; a
     * MinIO server answers from its last scanner pass, which may lag.
     */
    @Override
    public BucketUsage bucketUsage(String bucket) throws NodeException {
        BucketUsageInfo u = call("datausageinfo", admin::getDataUsageInfo).bucketsUsageInfo().get(bucket);
        if (u == null) {
            throw new NodeException.Rejected("NoSuchBucket", "the node holds no bucket " + bucket, null, 404);
        }
        return new BucketUsage(u.objectsCount(), u.size());
    }

    @Override
    public void setVersioning(String bucket, boolean enabled, boolean mfaDelete, MfaCode mfa) throws NodeException {
        buckets.setVersioning(bucket, enabled, mfaDelete, mfa);
    }

    @Override
    public void setPublic(String bucket, boolean publicRead) throws NodeException {
        buckets.setPublic(bucket, publicRead);
    }

    @Override
    public void setDefaultRetention(String bucket, String mode, Integer days) throws NodeException {
        buckets.setDefaultRetention(bucket, mode, days);
    }

    @Override
    public void setEncryption(String bucket, boolean aes256) throws NodeException {
        buckets.setEncryption(bucket, aes256);
    }

    @Override
    public ObjectClient objects() {
        return objects;
    }

    @Override
    public void health() throws NodeException {
        HttpResponse<Void> r = call("health", () -> http.send(
                RequestIdHeader.onto(HttpRequest.newBuilder(URI.create(endpoint + "/health")))
                        .timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding()));
        if (r.statusCode() != 200) {
            throw new NodeException.Rejected("Unhealthy", "GET /health returned " + r.statusCode(), null);
        }
    }

    @Override
    public void setQuota(String bucket, long bytes) throws NodeException {
        if (bytes == 0) {
            run("clear-bucket-quota", () -> {
                admin.clearBucketQuota(bucket);
                return null;
            });
            return;
        }
        // The admin client takes KiB at the finest; round up so the quota is never tighter than asked.
        long kib = (bytes + 1023) / 1024;
        run("set-bucket-quota", () -> {
            admin.setBucketQuota(bucket, kib, QuotaUnit.KB);
            return null;
        });
    }

    @Override
    public void upsertPolicy(String name, String json) throws NodeException {
        run("add-canned-policy", () -> {
            admin.addCannedPolicy(name, json);
            return null;
        });
    }

    @Override
    public void deletePolicy(String name) throws NodeException {
        run("remove-canned-policy", () -> {
            admin.removeCannedPolicy(name);
            return null;
        });
    }

    @Override
    public Set<String> listPolicies() throws NodeException {
        return new HashSet<>(call("list-canned-policies", admin::listCannedPolicies).keySet());
    }

    @Override
    public void upsertUser(String accessKey, String secret, boolean enabled) throws NodeException {
        run("add-user", () -> {
            admin.addUser(accessKey, enabled ? UserInfo.Status.ENABLED : UserInfo.Status.DISABLED, secret, null, null);
            return null;
        });
    }

    @Override
    public void deleteUser(String accessKey) throws NodeException {
        run("remove-user", () -> {
            admin.deleteUser(accessKey);
            return null;
        });
    }

    @Override
    public Map<String, NodeUser> listUsers() throws NodeException {
        Map<String, NodeUser> out = new HashMap<>();
        for (Map.Entry<String, UserInfo> e : call("list-users", admin::listUsers).entrySet()) {
            String policies = e.getValue().policyName();
            List<String> names = policies == null || policies.isBlank() ? List.of()
                    : Arrays.stream(policies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
            out.put(e.getKey(), new NodeUser(e.getValue().status() == UserInfo.Status.ENABLED, names));
        }
        return out;
    }

    /**
     * Sent as our own signed request: an empty {@code policyName} detaches all, and the SDK's
     * {@code setPolicy} refuses to send one (see {@link SignedAdminCall}).
     */
    @Override
    public void setUserPolicies(String accessKey, List<String> policyNames) throws NodeException {
        adminCall.send("PUT", "set-user-or-group-policy", Map.of("userOrGroup", accessKey, "isGroup", "false",
                "policyName", String.join(",", policyNames)));
    }

    /** Nothing of its own to release: the HTTP clients belong to the {@link MinioNodeClients} that opened it. */
    @Override
    public void close() {
    }
}
