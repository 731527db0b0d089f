package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.MinioAdminClient;
import io.minio.admin.QuotaUnit;
import io.minio.admin.UserInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Users, custom policies, attachments, statuses, bucket policies and quotas survive a restart. */
class IamPersistenceTest {
    @TempDir
    Path dir;

    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
             "Resource":"arn:aws:s3:::kept/*"}]}""";

    @Test
    void iamStateSurvivesRestart() throws Exception {
        String deploymentId;
        try (TestNode node = new TestNode(dir); S3Client root = node.client()) {
            MinioAdminClient admin = IamClients.admin(node);
            root.createBucket(b -> b.bucket("kept"));
            root.putObject(b -> b.bucket("kept").key("public.txt"), RequestBody.fromString("public"));
            admin.addCannedPolicy("kept-policy", POLICY);
            admin.addUser("kept-user", UserInfo.Status.ENABLED, "kept-secret", "kept-policy,readonly", null);
            admin.addUser("off-user", UserInfo.Status.ENABLED, "off-secret", "readwrite", null);
            admin.addUser("gone-user", UserInfo.Status.ENABLED, "gone-secret", "readwrite", null);
            IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-user-status", "accessKey=off-user&status=disabled",
                    null);
            admin.deleteUser("gone-user");
            root.putBucketPolicy(b -> b.bucket("kept").policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
                     "Resource":"arn:aws:s3:::kept/public.txt"}]}"""));
            admin.setBucketQuota("kept", 1, QuotaUnit.MB);
            deploymentId = admin.getServerInfo().deploymentID();
        }
        try (TestNode node = new TestNode(dir)) {
            MinioAdminClient admin = IamClients.admin(node);
            assertThat(admin.listUsers()).containsOnlyKeys("kept-user", "off-user");
            assertThat(admin.getUserInfo("kept-user").policyName()).isEqualTo("kept-policy,readonly");
            assertThat(admin.getUserInfo("off-user").status()).isEqualTo(UserInfo.Status.DISABLED);
            assertThat(admin.listCannedPolicies()).containsKey("kept-policy");
            assertThat(admin.getBucketQuota("kept")).isEqualTo(1024 * 1024);
            assertThat(admin.getServerInfo().deploymentID()).isEqualTo(deploymentId);

            try (S3Client kept = node.client("kept-user", "kept-secret");
                 S3Client off = node.client("off-user", "off-secret");
                 S3Client gone = node.client("gone-user", "gone-secret");
                 S3Client anonymous = node.anonymousClient()) {
                kept.putObject(b -> b.bucket("kept").key("k.txt"), RequestBody.fromString("k"));
                assertThat(kept.getObjectAsBytes(b -> b.bucket("kept").key("k.txt")).asUtf8String()).isEqualTo("k");
                assertThatThrownBy(() -> kept.deleteObject(b -> b.bucket("kept").key("k.txt")))
                        .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("AccessDenied"));
                assertThatThrownBy(() -> off.listBuckets())
                        .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("InvalidAccessKeyId"));
                assertThatThrownBy(() -> gone.listBuckets())
                        .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("InvalidAccessKeyId"));
                assertThat(anonymous.getObjectAsBytes(b -> b.bucket("kept").key("public.txt")).asUtf8String())
                        .isEqualTo("public");
                assertThatThrownBy(() -> anonymous.getObjectAsBytes(b -> b.bucket("kept").key("k.txt")))
                        .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("AccessDenied"));
            }
        }
    }
}
