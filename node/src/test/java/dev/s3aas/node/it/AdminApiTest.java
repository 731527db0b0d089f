package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.admin.Crypto;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import io.minio.admin.messages.info.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The admin API's edges: who may call it, error documents, RustFS plain-JSON paths, info. */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestNode node;
    static MinioAdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        admin = IamClients.admin(node);
        admin.addUser("power-user", UserInfo.Status.ENABLED, "power-secret", "consoleAdmin", null);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static JsonNode json(RawHttp.Response r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void nonRootCallersGet403EvenWithAdminPolicies() throws Exception {
        MinioAdminClient asUser = MinioAdminClient.builder().endpoint(node.endpoint().toString())
                .credentials("power-user", "power-secret").build();
        assertThatThrownBy(asUser::listCannedPolicies).hasMessageContaining("AccessDenied");
        RawHttp.Response r = IamClients.adminCall(node, "GET", "/minio/admin/v3/list-users", null, null,
                "power-user", "power-secret");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(json(r).get("Code").asText()).isEqualTo("AccessDenied");
        r = IamClients.adminCall(node, "PUT", "/rustfs/admin/v3/add-user", "accessKey=sneaky",
                "{\"secretKey\":\"sneaky-secret\"}".getBytes(StandardCharsets.UTF_8), "power-user", "power-secret");
        assertThat(r.status()).isEqualTo(403);
        assertThat(admin.listUsers()).doesNotContainKey("sneaky");
    }

    @Test
    void unsignedAndBadlySignedRequestsGet403() throws Exception {
        RawHttp raw = new RawHttp(node.port());
        RawHttp.Response r = raw.send("GET", "/minio/admin/v3/list-users", List.of(), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(json(r).get("Code").asText()).isEqualTo("AccessDenied");
        r = raw.send("PUT", "/rustfs/admin/v3/add-user?accessKey=anon", List.of(),
                "{\"secretKey\":\"anon-secret-1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(403);
        r = IamClients.adminCall(node, "GET", "/minio/admin/v3/list-users", null, null, TestNode.ACCESS_KEY,
                "not-the-root-secret");
        assertThat(r.status()).isEqualTo(403);
        assertThat(json(r).get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        r = IamClients.adminCall(node, "GET", "/minio/admin/v3/list-users", null, null, "nobody", "nobody-secret");
        assertThat(r.status()).isEqualTo(403);
        assertThat(json(r).get("Code").asText()).isEqualTo("InvalidAccessKeyId");
    }

    @Test
    void garbageEncryptedPayloadIs400Not500() throws Exception {
        byte[] garbage = new byte[200];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 1;
        RawHttp.Response r = IamClients.adminCall(node, "PUT", "/minio/admin/v3/add-user", "accessKey=garbage", garbage,
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("Code").asText()).isEqualTo("XMinioAdminConfigBadJSON");
        // Encrypted with someone else's secret: authentication of the payload fails, also a 400.
        byte[] otherKey = Crypto.encrypt("{\"secretKey\":\"x-secret-123\"}".getBytes(StandardCharsets.UTF_8),
                "another-secret");
        r = IamClients.adminCall(node, "PUT", "/minio/admin/v3/add-user", "accessKey=garbage", otherKey,
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(r.status()).isEqualTo(400);
        // Correctly encrypted but not the expected JSON.
        byte[] notJson = Crypto.encrypt("[1,2,3]".getBytes(StandardCharsets.UTF_8), TestNode.SECRET_KEY);
        r = IamClients.adminCall(node, "PUT", "/minio/admin/v3/add-user", "accessKey=garbage", notJson,
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(admin.listUsers()).doesNotContainKey("garbage");
    }

    @Test
    void unknownCommandsAndMethods() throws Exception {
        RawHttp.Response r = IamClients.rootCall(node, "GET", "/minio/admin/v3/heal", null, null);
        assertThat(r.status()).isEqualTo(501);
        assertThat(json(r).get("Code").asText()).isEqualTo("NotImplemented");
        r = IamClients.rootCall(node, "POST", "/minio/admin/v3/list-users", null, "");
        assertThat(r.status()).isEqualTo(405);
        r = IamClients.rootCall(node, "DELETE", "/minio/admin/v3/remove-user", null, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("Message").asText()).contains("accessKey");
    }

    @Test
    void rustfsPathsTakeAndReturnPlainJson() throws Exception {
        RawHttp.Response r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/add-canned-policy", "name=rfs-policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
                        + "\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::rfs/*\"]}]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/add-user", "accessKey=rfs-user",
                "{\"secretKey\":\"rfs-user-secret\",\"status\":\"enabled\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/set-user-or-group-policy",
                "policyName=rfs-policy&userOrGroup=rfs-user&isGroup=false", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);

        r = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/list-users", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("rfs-user").get("policyName").asText()).isEqualTo("rfs-policy");
        assertThat(json(r).get("rfs-user").get("status").asText()).isEqualTo("enabled");
        r = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/user-info", "accessKey=rfs-user", null);
        assertThat(json(r).get("policyName").asText()).isEqualTo("rfs-policy");
        assertThat(json(r).has("secretKey")).isFalse();
        r = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/info-canned-policy", "name=rfs-policy&v=2", null);
        assertThat(json(r).get("PolicyName").asText()).isEqualTo("rfs-policy");
        assertThat(json(r).get("Policy").get("Statement").get(0).get("Effect").asText()).isEqualTo("Allow");
        r = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/info-canned-policy", "name=readonly", null);
        assertThat(json(r).get("Version").asText()).isEqualTo("2012-10-17");

        node.client().createBucket(b -> b.bucket("rfs"));
        try (S3Client s3 = node.client("rfs-user", "rfs-user-secret")) {
            s3.putObject(b -> b.bucket("rfs").key("k"), RequestBody.fromString("v"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("rfs").key("k")).asUtf8String()).isEqualTo("v");
        }
        r = IamClients.rootCall(node, "PUT", "/rustfs/admin/v3/set-user-status", "accessKey=rfs-user&status=disabled",
                null);
        assertThat(r.status()).isEqualTo(200);
        r = IamClients.rootCall(node, "DELETE", "/rustfs/admin/v3/remove-user", "accessKey=rfs-user", null);
        assertThat(r.status()).isEqualTo(200);
        r = IamClients.rootCall(node, "DELETE", "/rustfs/admin/v3/remove-canned-policy", "name=rfs-policy", null);
        assertThat(r.status()).isEqualTo(200);
        r = IamClients.rootCall(node, "GET", "/rustfs/admin/v3/user-info", "accessKey=rfs-user", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("Code").asText()).isEqualTo("XMinioAdminNoSuchUser");
    }

    @Test
    void minioPathEncryptsListUsers() throws Exception {
        RawHttp.Response r = IamClients.rootCall(node, "GET", "/minio/admin/v3/list-users", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()[0]).isNotEqualTo((byte) '{');
        String plain = new String(Crypto.decrypt(new java.io.ByteArrayInputStream(r.body()), TestNode.SECRET_KEY),
                StandardCharsets.UTF_8);
        assertThat(plain).contains("\"power-user\"").doesNotContain("power-secret");
    }

    @Test
    void listAndInfoCannedPoliciesParseInTheMinioClient() throws Exception {
        Map<String, String> policies = admin.listCannedPolicies();
        assertThat(policies).containsKeys("readwrite", "readonly", "writeonly", "diagnostics", "consoleAdmin");
        assertThat(JSON.readTree(policies.get("readonly")).get("Statement").get(0).get("Action").toString())
                .contains("s3:GetObject");
    }

    @Test
    void serverInfoReportsExactUsage() throws Exception {
        S3Client root = node.client();
        root.createBucket(b -> b.bucket("info-a"));
        root.createBucket(b -> b.bucket("info-b"));
        root.putObject(b -> b.bucket("info-a").key("1"), RequestBody.fromBytes(new byte[1000]));
        root.putObject(b -> b.bucket("info-b").key("2"), RequestBody.fromBytes(new byte[234]));
        Message info = admin.getServerInfo();
        assertThat(info.mode()).isEqualTo("online");
        assertThat(info.deploymentID()).isNotBlank();
        assertThat(info.servers()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("online"));
        // Other tests of this class may add buckets (rfs) and objects concurrently: check these two exactly.
        var usage = admin.getDataUsageInfo();
        assertThat(usage.bucketsSizes()).containsEntry("info-a", 1000L).containsEntry("info-b", 234L);
        assertThat(info.buckets().count()).isGreaterThanOrEqualTo(2);
        assertThat(info.usage().size()).isGreaterThanOrEqualTo(1234L);
    }
}
