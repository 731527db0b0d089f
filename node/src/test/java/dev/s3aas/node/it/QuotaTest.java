package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.MinioAdminClient;
import io.minio.admin.QuotaUnit;
import io.minio.admin.messages.DataUsageInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Hard bucket quotas set through the admin API and enforced on PutObject and UploadPart with exact usage
 * accounting (parts of unfinished uploads count, as they occupy storage).
 */
class QuotaTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static MinioAdminClient admin;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        admin = IamClients.admin(node);
        s3 = node.client();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static void put(String bucket, String key, int size) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[size]));
    }

    static void refused(String bucket, String key, int size) {
        assertThatThrownBy(() -> put(bucket, key, size)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QuotaExceeded");
            assertThat(e.awsErrorDetails().errorMessage()).containsIgnoringCase("quota");
        });
    }

    static long usage(String bucket) throws Exception {
        DataUsageInfo info = admin.getDataUsageInfo();
        return info.bucketsSizes().get(bucket);
    }

    @Test
    void quotaIsSetReadAndEnforcedWithExactAccounting() throws Exception {
        s3.createBucket(b -> b.bucket("quota"));
        assertThat(admin.getBucketQuota("quota")).isZero();
        admin.setBucketQuota("quota", 10, QuotaUnit.KB);
        assertThat(admin.getBucketQuota("quota")).isEqualTo(10240);

        put("quota", "a", 6000);
        refused("quota", "b", 6000);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("quota").key("b")))
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
        assertThat(usage("quota")).isEqualTo(6000);

        // Overwrites count the difference: 6000 → 10240 fits exactly, one byte more does not.
        put("quota", "a", 10240);
        assertThat(usage("quota")).isEqualTo(10240);
        refused("quota", "a", 10241);
        refused("quota", "tiny", 1);
        assertThat(s3.headObject(b -> b.bucket("quota").key("a")).contentLength()).isEqualTo(10240);
        // Shrinking or keeping the size is always allowed, even at the limit.
        put("quota", "a", 4000);
        assertThat(usage("quota")).isEqualTo(4000);
        put("quota", "b", 6240);
        refused("quota", "c", 1);

        // Deletes give the space back.
        s3.deleteObject(b -> b.bucket("quota").key("a"));
        assertThat(usage("quota")).isEqualTo(6240);
        put("quota", "c", 4000);
        assertThat(admin.getDataUsageInfo().bucketsUsageInfo().get("quota").objectsCount()).isEqualTo(2);

        admin.clearBucketQuota("quota");
        assertThat(admin.getBucketQuota("quota")).isZero();
        put("quota", "big", 50_000);
        assertThat(usage("quota")).isEqualTo(6240 + 4000 + 50_000);
    }

    @Test
    void quotaLowerThanUsageRefusesGrowthButAllowsDeletes() throws Exception {
        s3.createBucket(b -> b.bucket("quota-low"));
        put("quota-low", "a", 5000);
        admin.setBucketQuota("quota-low", 1, QuotaUnit.KB);
        refused("quota-low", "b", 10);
        s3.deleteObject(b -> b.bucket("quota-low").key("a"));
        put("quota-low", "b", 1024);
    }

    @Test
    void quotaErrors() throws Exception {
        assertThatThrownBy(() -> admin.setBucketQuota("no-such-bucket", 1, QuotaUnit.MB)).hasMessageContaining("NoSuchBucket");
        assertThatThrownBy(() -> admin.getBucketQuota("no-such-bucket")).hasMessageContaining("NoSuchBucket");
        s3.createBucket(b -> b.bucket("quota-fifo"));
        RawHttp.Response r = IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-bucket-quota", "bucket=quota-fifo",
                "{\"quota\":100,\"quotatype\":\"fifo\"}");
        assertThat(r.status()).isEqualTo(501);
        r = IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-bucket-quota", "bucket=quota-fifo", "{\"quota\":");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("XMinioAdminConfigBadJSON");
        // The RustFS spelling of the same commands.
        r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/set-bucket-quota", "bucket=quota-fifo",
                "{\"quota\":2048,\"quotatype\":\"hard\"}");
        assertThat(r.status()).isEqualTo(200);
        r = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/get-bucket-quota", "bucket=quota-fifo", null);
        assertThat(r.text()).contains("\"quota\":2048").contains("\"quotatype\":\"hard\"");
    }

    @Test
    void uploadedPartsCountTowardsTheQuotaUntilCompletedOrAborted() throws Exception {
        s3.createBucket(b -> b.bucket("quota-mpu"));
        admin.setBucketQuota("quota-mpu", 6, QuotaUnit.MB);
        String id = s3.createMultipartUpload(b -> b.bucket("quota-mpu").key("big")).uploadId();
        var p1 = s3.uploadPart(b -> b.bucket("quota-mpu").key("big").uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[5 * 1024 * 1024]));
        assertThat(usage("quota-mpu")).isEqualTo(5L * 1024 * 1024);
        // A second part would take the bucket past its quota: refused before it is stored.
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket("quota-mpu").key("big").uploadId(id).partNumber(2),
                RequestBody.fromBytes(new byte[2 * 1024 * 1024])))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QuotaExceeded"));
        // Re-uploading a part number counts only the difference.
        var p1again = s3.uploadPart(b -> b.bucket("quota-mpu").key("big").uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[5 * 1024 * 1024 + 1]));
        assertThat(usage("quota-mpu")).isEqualTo(5L * 1024 * 1024 + 1);
        s3.completeMultipartUpload(b -> b.bucket("quota-mpu").key("big").uploadId(id).multipartUpload(m -> m.parts(
                software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(1).eTag(p1again.eTag())
                        .build())));
        assertThat(usage("quota-mpu")).isEqualTo(5L * 1024 * 1024 + 1);
        assertThat(p1.eTag()).isNotEqualTo(p1again.eTag());

        // An aborted upload gives its parts' space back.
        String other = s3.createMultipartUpload(b -> b.bucket("quota-mpu").key("other")).uploadId();
        s3.uploadPart(b -> b.bucket("quota-mpu").key("other").uploadId(other).partNumber(1),
                RequestBody.fromBytes(new byte[500_000]));
        assertThat(usage("quota-mpu")).isEqualTo(5L * 1024 * 1024 + 1 + 500_000);
        s3.abortMultipartUpload(b -> b.bucket("quota-mpu").key("other").uploadId(other));
        assertThat(usage("quota-mpu")).isEqualTo(5L * 1024 * 1024 + 1);
    }
}
