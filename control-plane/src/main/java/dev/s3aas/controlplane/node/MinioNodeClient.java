package dev.s3aas.controlplane.node;

import io.minio.BucketExistsArgs;
import io.minio.DeleteBucketEncryptionArgs;
import io.minio.DeleteBucketPolicyArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.Result;
import io.minio.SetBucketEncryptionArgs;
import io.minio.SetBucketPolicyArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.SetObjectLockConfigurationArgs;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.QuotaUnit;
import io.minio.admin.UserInfo;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.RetentionDurationDays;
import io.minio.messages.RetentionMode;
import io.minio.messages.SseConfiguration;
import io.minio.messages.VersioningConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * {@link NodeClient} over the node's two APIs, through the official MinIO Java SDK: the MinIO
 * admin API v3 ({@link MinioAdminClient}: users, canned policies, user policies, bucket quotas)
 * and the S3 API ({@link MinioClient}: buckets, versioning, bucket policy, object lock default
 * retention, default encryption). User policy sets go through {@link SignedAdminCall}.
 */
final class MinioNodeClient implements NodeClient {
    private static final String REGION = "us-east-1";

    private final String endpoint;
    private final MinioClient s3;
    private final MinioAdminClient admin;
    private final HttpClient http;
    private final SignedAdminCall adminCall;

    /** Over the shared HTTP clients of a {@link MinioNodeClients}, which owns (and closes) them. */
    MinioNodeClient(String host, int port, String rootUser, String rootSecret, OkHttpClient ok, HttpClient http) {
        this.endpoint = "http://" + host + ":" + port;
        this.s3 = MinioClient.builder().endpoint(endpoint).credentials(rootUser, rootSecret).region(REGION)
                .httpClient(ok, false).build();
        this.admin = MinioAdminClient.builder().endpoint(endpoint).credentials(rootUser, rootSecret).region(REGION)
                .httpClient(ok).build();
        this.http = http;
        this.adminCall = new SignedAdminCall(http, host, port, rootUser, rootSecret, REGION, Clock.systemUTC());
    }

    /** A call to the SDK; its many checked exceptions are mapped once by {@link #call}. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    private <T> T call(String what, Call<T> c) throws NodeException {
        try {
            return c.run();
        } catch (ErrorResponseException e) {
            throw new NodeException.Rejected(e.errorResponse().code(), what + ": " + e.errorResponse().message(), e);
        } catch (IOException e) {
            throw new NodeException.Unreachable(what + ": " + endpoint + " unreachable: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new NodeException.Rejected("AdminError", what + ": " + e.getMessage(), e);
        }
    }

    private void run(String what, Call<?> c, String... toleratedCodes) throws NodeException {
        try {
            call(what, c);
        } catch (NodeException.Rejected e) {
            if (!Arrays.asList(toleratedCodes).contains(e.code())) {
                throw e;
            }
        }
    }

    @Override
    public void health() throws NodeException {
        HttpResponse<Void> r = call("health", () -> http.send(
                HttpRequest.newBuilder(URI.create(endpoint + "/health")).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding()));
        if (r.statusCode() != 200) {
            throw new NodeException.Rejected("Unhealthy", "GET /health returned " + r.statusCode(), null);
        }
    }

    @Override
    public Set<String> listBuckets() throws NodeException {
        Set<String> names = new HashSet<>();
        for (Bucket b : call("ListBuckets", s3::listBuckets)) {
            names.add(b.name());
        }
        return names;
    }

    @Override
    public void ensureBucket(String bucket, boolean objectLock) throws NodeException {
        if (call("HeadBucket", () -> s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))) {
            return;
        }
        run("CreateBucket", () -> {
            s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(objectLock).build());
            return null;
        }, "BucketAlreadyOwnedByYou");
    }

    @Override
    public void deleteBucket(String bucket) throws NodeException {
        try {
            run("DeleteBucket", () -> {
                s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
                return null;
            }, "NoSuchBucket");
        } catch (NodeException.Rejected e) {
            if ("BucketNotEmpty".equals(e.code())) {
                throw new NodeException.BucketNotEmpty(bucket);
            }
            throw e;
        }
    }

    @Override
    public boolean isBucketEmpty(String bucket) throws NodeException {
        return call("ListObjectVersions", () -> {
            Iterator<Result<Item>> it = s3.listObjects(ListObjectsArgs.builder().bucket(bucket).includeVersions(true)
                    .maxKeys(1).build()).iterator();
            if (!it.hasNext()) {
                return true;
            }
            it.next().get();
            return false;
        });
    }

    @Override
    public void setVersioning(String bucket, boolean enabled, boolean mfaDelete, MfaCode mfa) throws NodeException {
        VersioningConfiguration current = call("GetBucketVersioning",
                () -> s3.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build()));
        VersioningConfiguration.Status want = enabled ? VersioningConfiguration.Status.ENABLED
                : VersioningConfiguration.Status.SUSPENDED;
        boolean mfaOn = Boolean.TRUE.equals(current.isMfaDeleteEnabled());
        boolean wantMfa = enabled && mfaDelete;
        // A never-versioned bucket stays unversioned ("Off") rather than becoming "Suspended".
        boolean statusOk = current.status() == want
                || (!enabled && current.status() == VersioningConfiguration.Status.OFF);
        if (statusOk && mfaOn == wantMfa) {
            return;
        }
        // MfaDelete is sent only to change it: absent, the node keeps its state.
        Boolean mfaElement = mfaOn == wantMfa ? null : wantMfa;
        // MFA delete is only ever on with versioning Enabled, so "Off" is never re-sent here.
        VersioningConfiguration.Status status = statusOk ? current.status() : want;
        SetBucketVersioningArgs.Builder args = SetBucketVersioningArgs.builder().bucket(bucket)
                .config(new VersioningConfiguration(status, mfaElement));
        if ((mfaOn || wantMfa) && mfa != null) {
            args.extraHeaders(Map.of("x-amz-mfa", mfa.header()));
        }
        run("PutBucketVersioning", () -> {
            s3.setBucketVersioning(args.build());
            return null;
        });
    }

    @Override
    public void setPublic(String bucket, boolean publicRead) throws NodeException {
        if (!publicRead) {
            run("DeleteBucketPolicy", () -> {
                s3.deleteBucketPolicy(DeleteBucketPolicyArgs.builder().bucket(bucket).build());
                return null;
            }, "NoSuchBucketPolicy");
            return;
        }
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},"
                + "\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::" + bucket + "/*\"]}]}";
        run("PutBucketPolicy", () -> {
            s3.setBucketPolicy(SetBucketPolicyArgs.builder().bucket(bucket).config(policy).build());
            return null;
        });
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
    public void setDefaultRetention(String bucket, String mode, Integer days) throws NodeException {
        ObjectLockConfiguration config = mode == null ? new ObjectLockConfiguration()
                : new ObjectLockConfiguration(RetentionMode.valueOf(mode), new RetentionDurationDays(days));
        run("PutObjectLockConfiguration", () -> {
            s3.setObjectLockConfiguration(SetObjectLockConfigurationArgs.builder().bucket(bucket).config(config).build());
            return null;
        });
    }

    @Override
    public void setEncryption(String bucket, boolean aes256) throws NodeException {
        if (aes256) {
            run("PutBucketEncryption", () -> {
                s3.setBucketEncryption(SetBucketEncryptionArgs.builder().bucket(bucket)
                        .config(SseConfiguration.newConfigWithSseS3Rule()).build());
                return null;
            });
        } else {
            run("DeleteBucketEncryption", () -> {
                s3.deleteBucketEncryption(DeleteBucketEncryptionArgs.builder().bucket(bucket).build());
                return null;
            }, "ServerSideEncryptionConfigurationNotFoundError");
        }
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
