package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.admin.GetServiceAccountInfoResp;
import io.minio.admin.ListServiceAccountResp;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import io.minio.credentials.Credentials;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Service accounts through MinioAdminClient: extra keys of a user that inherit its policies (live), may be
 * narrowed by a policy of their own, and stop working with their parent.
 */
class ServiceAccountTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static MinioAdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        admin = IamClients.admin(node);
        S3Client root = node.client();
        for (String b : new String[] {"sa-x", "sa-y"}) {
            root.createBucket(r -> r.bucket(b));
            root.putObject(r -> r.bucket(b).key("seed.txt"), RequestBody.fromString(b));
        }
        admin.addCannedPolicy("x-only", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
                 "Resource":"arn:aws:s3:::sa-x/*"}]}""");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static String probe(S3Client s3, String bucket) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key("seed.txt")).asUtf8String();
        } catch (Exception e) {
            return IamClients.code(e);
        }
    }

    @Test
    void aServiceAccountInheritsItsParentsPoliciesLive() throws Exception {
        admin.addUser("sa-parent", UserInfo.Status.ENABLED, "sa-parent-secret", "x-only", null);
        Credentials c = admin.addServiceAccount("SAKEYINHERIT", "sa-inherit-secret", "sa-parent", null, "ci", "for CI",
                null);
        assertThat(c.accessKey()).isEqualTo("SAKEYINHERIT");
        try (S3Client s3 = node.client("SAKEYINHERIT", "sa-inherit-secret")) {
            assertThat(probe(s3, "sa-x")).isEqualTo("sa-x");
            assertThat(probe(s3, "sa-y")).isEqualTo("AccessDenied");
            admin.setPolicy("sa-parent", false, "x-only,readonly");
            assertThat(probe(s3, "sa-y")).isEqualTo("sa-y");

            GetServiceAccountInfoResp info = admin.getServiceAccountInfo("SAKEYINHERIT");
            assertThat(info.parentUser()).isEqualTo("sa-parent");
            assertThat(info.impliedPolicy()).isTrue();
            assertThat(info.accountStatus()).isEqualTo("on");
            assertThat(info.name()).isEqualTo("ci");
            ListServiceAccountResp list = admin.listServiceAccount("sa-parent");
            assertThat(list.accounts()).extracting(ListServiceAccountResp.ListServiceAccountInfo::accessKey)
                    .containsExactly("SAKEYINHERIT");
            assertThat(admin.listUsers()).containsKey("sa-parent").doesNotContainKey("SAKEYINHERIT");

            // Disabling the parent disables its service accounts; enabling restores them.
            IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-user-status", "accessKey=sa-parent&status=disabled",
                    null);
            assertThat(probe(s3, "sa-x")).isEqualTo("InvalidAccessKeyId");
            IamClients.rootCall(node, "PUT", "/minio/admin/v3/set-user-status", "accessKey=sa-parent&status=enabled",
                    null);
            assertThat(probe(s3, "sa-x")).isEqualTo("sa-x");

            // Its own status: MinioAdminClient's update always sends a status (here "off").
            admin.updateServiceAccount("SAKEYINHERIT", null, null, false, null, null, null);
            assertThat(probe(s3, "sa-x")).isEqualTo("InvalidAccessKeyId");
            admin.updateServiceAccount("SAKEYINHERIT", null, null, true, null, null, null);
            assertThat(probe(s3, "sa-x")).isEqualTo("sa-x");

            // Removing the parent removes its service accounts.
            admin.deleteUser("sa-parent");
            assertThat(probe(s3, "sa-x")).isEqualTo("InvalidAccessKeyId");
            assertThatThrownBy(() -> admin.getServiceAccountInfo("SAKEYINHERIT"))
                    .hasMessageContaining("XMinioAdminServiceAccountNotFound");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSessionPolicyCanOnlyNarrow() throws Exception {
        admin.addUser("sa-narrow-parent", UserInfo.Status.ENABLED, "narrow-parent-secret", "readwrite", null);
        Map<String, Object> readOnlyX = new ObjectMapper().readValue("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
                 "Resource":"arn:aws:s3:::sa-x/*"},{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::sa-y/*"}]}""", Map.class);
        admin.addServiceAccount("SAKEYNARROW", "sa-narrow-secret", "sa-narrow-parent", readOnlyX, null, null,
                ZonedDateTime.now().plusDays(1));
        try (S3Client s3 = node.client("SAKEYNARROW", "sa-narrow-secret")) {
            s3.putObject(b -> b.bucket("sa-x").key("n.txt"), RequestBody.fromString("n"));
            assertThat(probe(s3, "sa-y")).isEqualTo("sa-y");
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("sa-y").key("n.txt"), RequestBody.fromString("n")))
                    .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("AccessDenied"));
            assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("sa-x").key("n.txt")))
                    .satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("AccessDenied"));
            GetServiceAccountInfoResp info = admin.getServiceAccountInfo("SAKEYNARROW");
            assertThat(info.impliedPolicy()).isFalse();
            RawHttp.Response raw = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/info-service-account",
                    "accessKey=SAKEYNARROW", null);
            assertThat(new ObjectMapper().readTree(raw.body()).get("policy").asText()).contains("sa-y");
            assertThat(info.expiration()).isNotNull();

            // The parent losing a permission takes it from the service account too.
            admin.setPolicy("sa-narrow-parent", false, "writeonly");
            assertThat(probe(s3, "sa-y")).isEqualTo("AccessDenied");

            admin.deleteServiceAccount("SAKEYNARROW");
            assertThat(probe(s3, "sa-y")).isEqualTo("InvalidAccessKeyId");
        }
    }

    @Test
    void generatedCredentialsAndErrors() throws Exception {
        admin.addUser("sa-gen-parent", UserInfo.Status.ENABLED, "gen-parent-secret", "x-only", null);
        RawHttp.Response r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/add-service-account", null,
                "{\"targetUser\":\"sa-gen-parent\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        var creds = new ObjectMapper().readTree(r.body()).get("credentials");
        String ak = creds.get("accessKey").asText();
        assertThat(ak).hasSize(20);
        assertThat(creds.get("secretKey").asText()).hasSize(40);
        try (S3Client s3 = node.client(ak, creds.get("secretKey").asText())) {
            assertThat(probe(s3, "sa-x")).isEqualTo("sa-x");
        }
        assertThatThrownBy(() -> admin.addServiceAccount("SAKEYORPHAN", "orphan-secret", "no-such-user", null, null,
                null, null)).hasMessageContaining("XMinioAdminNoSuchUser");
        assertThatThrownBy(() -> admin.addServiceAccount(ak, "dup-secret-1", "sa-gen-parent", null, null, null, null))
                .hasMessageContaining("already in use");
        assertThatThrownBy(() -> admin.addServiceAccount("SAKEYBADPOL", "bad-pol-secret", "sa-gen-parent",
                Map.of("Version", "2012-10-17"), null, null, null)).hasMessageContaining("MalformedPolicy");
        r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/add-service-account", null,
                "{\"accessKey\":\"SAKEYROOT\",\"secretKey\":\"root-sa-secret\"}");
        assertThat(r.status()).isEqualTo(400);
        // A service account key is not a user, for the user commands.
        assertThatThrownBy(() -> admin.getUserInfo(ak)).hasMessageContaining("XMinioAdminNoSuchUser");
        assertThatThrownBy(() -> admin.addUser(ak, UserInfo.Status.ENABLED, "sneaky-secret", null, null))
                .hasMessageContaining("service account");
    }
}
