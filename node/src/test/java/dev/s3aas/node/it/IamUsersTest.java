package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * User lifecycle through MinIO's admin client, each step checked immediately with S3 requests from the AWS
 * SDK v2 and the MinIO Java SDK.
 */
class IamUsersTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static MinioAdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        admin = IamClients.admin(node);
        node.client().createBucket(b -> b.bucket("users"));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    private static String awsGet(S3Client s3, String key) {
        return s3.getObjectAsBytes(b -> b.bucket("users").key(key)).asUtf8String();
    }

    private static String awsError(S3Client s3) {
        try {
            s3.putObject(b -> b.bucket("users").key("probe"), RequestBody.fromString("x"));
            return "ok";
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static void minioPut(MinioClient c, String key, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        c.putObject(PutObjectArgs.builder().bucket("users").object(key)
                .stream(new ByteArrayInputStream(b), b.length, -1).build());
    }

    private static String minioGet(MinioClient c, String key) throws Exception {
        try (var in = c.getObject(GetObjectArgs.builder().bucket("users").object(key).build())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void addedUserWorksWithBothSdksAndShowsInListAndInfo() throws Exception {
        admin.addUser("alice-key", UserInfo.Status.ENABLED, "alice-secret-1", null, null);
        admin.setPolicy("alice-key", false, "readwrite");

        try (S3Client s3 = node.client("alice-key", "alice-secret-1")) {
            s3.putObject(b -> b.bucket("users").key("a.txt"), RequestBody.fromString("from aws"));
            assertThat(awsGet(s3, "a.txt")).isEqualTo("from aws");
        }
        MinioClient minio = IamClients.minio(node, "alice-key", "alice-secret-1");
        minioPut(minio, "m.txt", "from minio");
        assertThat(minioGet(minio, "m.txt")).isEqualTo("from minio");

        Map<String, UserInfo> users = admin.listUsers();
        assertThat(users).containsKey("alice-key");
        assertThat(users.get("alice-key").status()).isEqualTo(UserInfo.Status.ENABLED);
        assertThat(users.get("alice-key").policyName()).isEqualTo("readwrite");
        assertThat(users.get("alice-key").secretKey()).isNull();
        UserInfo info = admin.getUserInfo("alice-key");
        assertThat(info.status()).isEqualTo(UserInfo.Status.ENABLED);
        assertThat(info.policyName()).isEqualTo("readwrite");
    }

    @Test
    void userWithoutPoliciesIsDenied() throws Exception {
        admin.addUser("nopolicy-key", UserInfo.Status.ENABLED, "nopolicy-secret", null, null);
        try (S3Client s3 = node.client("nopolicy-key", "nopolicy-secret")) {
            assertThat(awsError(s3)).isEqualTo("AccessDenied");
        }
    }

    @Test
    void disablingAndEnablingTakesEffectImmediately() throws Exception {
        admin.addUser("bob-key", UserInfo.Status.ENABLED, "bob-secret-12", "readwrite", null);
        MinioClient minio = IamClients.minio(node, "bob-key", "bob-secret-12");
        try (S3Client s3 = node.client("bob-key", "bob-secret-12")) {
            assertThat(awsError(s3)).isEqualTo("ok");

            // MinioAdminClient disables a user by re-adding it with status disabled (as MinIO's add-user updates).
            admin.addUser("bob-key", UserInfo.Status.DISABLED, "bob-secret-12", "readwrite", null);
            assertThat(awsError(s3)).isEqualTo("InvalidAccessKeyId");
            assertThatThrownBy(() -> minioGet(minio, "probe")).isInstanceOf(ErrorResponseException.class)
                    .satisfies(e -> assertThat(((ErrorResponseException) e).errorResponse().code())
                            .isEqualTo("InvalidAccessKeyId"));
            assertThat(admin.getUserInfo("bob-key").status()).isEqualTo(UserInfo.Status.DISABLED);

            // mc admin user enable/disable use set-user-status.
            RawHttp.Response r = IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-user-status",
                    "accessKey=bob-key&status=enabled", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(awsError(s3)).isEqualTo("ok");
            assertThat(minioGet(minio, "probe")).isEqualTo("x");

            r = IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-user-status",
                    "accessKey=bob-key&status=disabled", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(awsError(s3)).isEqualTo("InvalidAccessKeyId");
        }
    }

    @Test
    void deletedUserLosesAccessImmediately() throws Exception {
        admin.addUser("carol-key", UserInfo.Status.ENABLED, "carol-secret", "readwrite", null);
        MinioClient minio = IamClients.minio(node, "carol-key", "carol-secret");
        try (S3Client s3 = node.client("carol-key", "carol-secret")) {
            assertThat(awsError(s3)).isEqualTo("ok");
            admin.deleteUser("carol-key");
            assertThat(awsError(s3)).isEqualTo("InvalidAccessKeyId");
            assertThatThrownBy(() -> minioPut(minio, "c.txt", "c")).isInstanceOf(ErrorResponseException.class);
        }
        assertThat(admin.listUsers()).doesNotContainKey("carol-key");
        assertThatThrownBy(() -> admin.getUserInfo("carol-key")).hasMessageContaining("XMinioAdminNoSuchUser");
        assertThatThrownBy(() -> admin.deleteUser("carol-key")).hasMessageContaining("XMinioAdminNoSuchUser");
    }

    @Test
    void aSecondKeyGivenTheSamePoliciesHasTheSameAccess() throws Exception {
        // The control plane models one logical user with several keys as one node user per key, each with the
        // logical user's policies: a new key works exactly like the existing one.
        admin.addCannedPolicy("dave-policy", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
                "Resource":["arn:aws:s3:::users/dave/*"]}]}""");
        admin.addUser("dave-key-1", UserInfo.Status.ENABLED, "dave-secret-1", "dave-policy", null);
        admin.addUser("dave-key-2", UserInfo.Status.ENABLED, "dave-secret-2", null, null);
        admin.setPolicy("dave-key-2", false, admin.getUserInfo("dave-key-1").policyName());
        for (String[] k : new String[][] {{"dave-key-1", "dave-secret-1"}, {"dave-key-2", "dave-secret-2"}}) {
            try (S3Client s3 = node.client(k[0], k[1])) {
                s3.putObject(b -> b.bucket("users").key("dave/" + k[0]), RequestBody.fromString(k[0]));
                assertThat(awsGet(s3, "dave/" + k[0])).isEqualTo(k[0]);
                assertThatThrownBy(() -> s3.putObject(b -> b.bucket("users").key("other"), RequestBody.fromString("x")))
                        .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("AccessDenied"));
            }
        }
    }

    @Test
    void wrongSecretIsRefused() throws Exception {
        admin.addUser("erin-key", UserInfo.Status.ENABLED, "erin-secret", "readwrite", null);
        try (S3Client s3 = node.client("erin-key", "not-erins-secret")) {
            assertThat(awsError(s3)).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void invalidUsersAreRefusedWithAClearError() {
        assertThatThrownBy(() -> admin.addUser("ab", UserInfo.Status.ENABLED, "long-enough-secret", null, null))
                .hasMessageContaining("XMinioAdminInvalidArgument");
        assertThatThrownBy(() -> admin.addUser("shortsecret", UserInfo.Status.ENABLED, "short", null, null))
                .hasMessageContaining("XMinioAdminInvalidArgument");
        assertThatThrownBy(() -> admin.addUser(TestNode.ACCESS_KEY, UserInfo.Status.ENABLED, "long-enough-secret",
                null, null)).hasMessageContaining("root access key");
        assertThatThrownBy(() -> admin.addUser("ghost-key", UserInfo.Status.ENABLED, "long-enough-secret",
                "no-such-policy", null)).hasMessageContaining("XMinioAdminNoSuchPolicy");
    }
}
