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
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.RetentionDurationDays;
import io.minio.messages.RetentionMode;
import io.minio.messages.SseConfiguration;
import io.minio.messages.VersioningConfiguration;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The bucket settings the control plane keeps, through the S3 API alone (the MinIO Java SDK, signed as the
 * bucket owner): existence, versioning and MFA delete, the public-read bucket policy, object-lock default
 * retention and default encryption. Shared by both engines: an s3aas node and an RGW gateway speak the same
 * S3 for all of these; quotas, users and policies differ and live in each engine's own client.
 */
public final class S3BucketClient {
    private static final String REGION = "us-east-1";

    private final String endpoint;
    private final MinioClient s3;

    /** Over a shared OkHttp client (its owner closes it); {@code endpoint} is {@code http(s)://host:port}. */
    public S3BucketClient(String endpoint, String accessKey, String secretKey, OkHttpClient ok) {
        this.endpoint = endpoint;
        this.s3 = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(REGION)
                .httpClient(ok, false).build();
    }

    /** A call to the SDK; its many checked exceptions are mapped once by {@link #call}. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    /** Maps the SDK's exceptions: an S3 error answer is Rejected, an I/O failure Unreachable. */
    static <T> T call(String endpoint, String what, Call<T> c) throws NodeException {
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

    /** As {@link #call}, ignoring the result and the given error codes. */
    static void run(String endpoint, String what, Call<?> c, String... toleratedCodes) throws NodeException {
        try {
            call(endpoint, what, c);
        } catch (NodeException.Rejected e) {
            if (!Arrays.asList(toleratedCodes).contains(e.code())) {
                throw e;
            }
        }
    }

    private <T> T call(String what, Call<T> c) throws NodeException {
        return call(endpoint, what, c);
    }

    private void run(String what, Call<?> c, String... toleratedCodes) throws NodeException {
        run(endpoint, what, c, toleratedCodes);
    }

    public Set<String> listBuckets() throws NodeException {
        Set<String> names = new HashSet<>();
        for (Bucket b : call("ListBuckets", s3::listBuckets)) {
            names.add(b.name());
        }
        return names;
    }

    public void ensureBucket(String bucket, boolean objectLock) throws NodeException {
        if (call("HeadBucket", () -> s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))) {
            return;
        }
        run("CreateBucket", () -> {
            s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(objectLock).build());
            return null;
        }, "BucketAlreadyOwnedByYou");
    }

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

    public void setVersioning(String bucket, boolean enabled, boolean mfaDelete, NodeClient.MfaCode mfa) throws NodeException {
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

    public void setDefaultRetention(String bucket, String mode, Integer days) throws NodeException {
        ObjectLockConfiguration config = mode == null ? new ObjectLockConfiguration()
                : new ObjectLockConfiguration(RetentionMode.valueOf(mode), new RetentionDurationDays(days));
        run("PutObjectLockConfiguration", () -> {
            s3.setObjectLockConfiguration(SetObjectLockConfigurationArgs.builder().bucket(bucket).config(config).build());
            return null;
        });
    }

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

}
