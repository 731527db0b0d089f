package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.Crypto;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Custom and canned identity policies attached to users, enforced on real S3 requests (AWS SDK v2). */
class PolicyAttachmentTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static MinioAdminClient admin;
    static S3Client root;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        admin = IamClients.admin(node);
        root = node.client();
        for (String b : List.of("bucket-a", "bucket-b", "shared")) {
            root.createBucket(r -> r.bucket(b));
            root.putObject(r -> r.bucket(b).key("seed.txt"), RequestBody.fromString("seed of " + b));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    /** Creates a user with a custom policy of its own (named after the user). */
    static S3Client userWith(String user, String policyJson) throws Exception {
        admin.addCannedPolicy(user + "-policy", policyJson);
        admin.addUser(user, UserInfo.Status.ENABLED, user + "-secret", user + "-policy", null);
        return node.client(user, user + "-secret");
    }

    static void denied(Executable call) {
        assertThatThrownBy(call::execute).satisfies(e -> assertThat(IamClients.code(e)).isEqualTo("AccessDenied"));
    }

    static String get(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    static void put(S3Client s3, String bucket, String key) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
    }

    @Test
    void bucketAUserWorksInAAndIsDeniedInB() throws Exception {
        try (S3Client s3 = userWith("a-user", """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation"],"Resource":"arn:aws:s3:::bucket-a"},
                 {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],
                  "Resource":"arn:aws:s3:::bucket-a/*"}]}""")) {
            put(s3, "bucket-a", "mine.txt");
            assertThat(get(s3, "bucket-a", "mine.txt")).isEqualTo("mine.txt");
            assertThat(s3.listObjectsV2(b -> b.bucket("bucket-a")).contents()).extracting(S3Object::key)
                    .contains("mine.txt", "seed.txt");
            s3.headBucket(b -> b.bucket("bucket-a"));
            s3.deleteObject(b -> b.bucket("bucket-a").key("mine.txt"));

            denied(() -> put(s3, "bucket-b", "x.txt"));
            denied(() -> get(s3, "bucket-b", "seed.txt"));
            denied(() -> s3.listObjectsV2(b -> b.bucket("bucket-b")));
            denied(() -> s3.deleteObject(b -> b.bucket("bucket-b").key("seed.txt")));
            denied(() -> s3.createBucket(b -> b.bucket("new-bucket")));
            assertThat(get(root, "bucket-b", "seed.txt")).isEqualTo("seed of bucket-b");
            // ListBuckets: without s3:ListAllMyBuckets the user sees the buckets it may list (MinIO behaviour).
            assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("bucket-a");
        }
    }

    @Test
    void readOnlyUserCannotWriteOrDelete() throws Exception {
        admin.addUser("reader", UserInfo.Status.ENABLED, "reader-secret", "readonly", null);
        try (S3Client s3 = node.client("reader", "reader-secret")) {
            assertThat(get(s3, "bucket-a", "seed.txt")).isEqualTo("seed of bucket-a");
            denied(() -> put(s3, "bucket-a", "w.txt"));
            denied(() -> s3.deleteObject(b -> b.bucket("bucket-a").key("seed.txt")));
            DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("bucket-a").delete(Delete.builder()
                    .objects(ObjectIdentifier.builder().key("seed.txt").build()).build()));
            assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("AccessDenied"));
            assertThat(get(root, "bucket-a", "seed.txt")).isEqualTo("seed of bucket-a");
            // readonly grants s3:GetBucketLocation on every bucket, so all buckets are visible.
            assertThat(s3.listBuckets().buckets()).hasSize(3);
        }
    }

    @Test
    void twoUsersWithHomePrefixesAreIsolated() throws Exception {
        String home = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],
                  "Resource":"arn:aws:s3:::shared/home/${aws:username}/*"}]}""";
        admin.addCannedPolicy("home", home);
        admin.addUser("u-one", UserInfo.Status.ENABLED, "u-one-secret", "home", null);
        admin.addUser("u-two", UserInfo.Status.ENABLED, "u-two-secret", "home", null);
        try (S3Client one = node.client("u-one", "u-one-secret"); S3Client two = node.client("u-two", "u-two-secret")) {
            put(one, "shared", "home/u-one/a.txt");
            put(two, "shared", "home/u-two/b.txt");
            denied(() -> get(one, "shared", "home/u-two/b.txt"));
            denied(() -> put(two, "shared", "home/u-one/evil.txt"));
            denied(() -> two.deleteObject(b -> b.bucket("shared").key("home/u-one/a.txt")));
            assertThat(get(one, "shared", "home/u-one/a.txt")).isEqualTo("home/u-one/a.txt");
        }
    }

    @Test
    void explicitDenyBeatsAllowAcrossPolicies() throws Exception {
        admin.addCannedPolicy("protect", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject",
                 "Resource":"arn:aws:s3:::bucket-a/protected/*"}]}""");
        admin.addUser("denied-user", UserInfo.Status.ENABLED, "denied-secret", "readwrite,protect", null);
        try (S3Client s3 = node.client("denied-user", "denied-secret")) {
            put(s3, "bucket-a", "protected/p.txt");
            put(s3, "bucket-a", "open/o.txt");
            denied(() -> s3.deleteObject(b -> b.bucket("bucket-a").key("protected/p.txt")));
            s3.deleteObject(b -> b.bucket("bucket-a").key("open/o.txt"));
            DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("bucket-a").delete(Delete.builder().objects(
                    ObjectIdentifier.builder().key("protected/p.txt").build(),
                    ObjectIdentifier.builder().key("open/gone.txt").build()).build()));
            assertThat(r.deleted()).extracting(d -> d.key()).containsExactly("open/gone.txt");
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("protected/p.txt");
                assertThat(e.code()).isEqualTo("AccessDenied");
            });
            assertThat(get(root, "bucket-a", "protected/p.txt")).isEqualTo("protected/p.txt");
        }
    }

    @Test
    void listingIsRestrictedByThePrefixCondition() throws Exception {
        root.putObject(b -> b.bucket("shared").key("home/lister/x.txt"), RequestBody.fromString("x"));
        root.putObject(b -> b.bucket("shared").key("home/other/y.txt"), RequestBody.fromString("y"));
        try (S3Client s3 = userWith("lister", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket",
                 "Resource":"arn:aws:s3:::shared",
                 "Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}}]}""")) {
            assertThat(s3.listObjectsV2(b -> b.bucket("shared").prefix("home/lister/")).contents())
                    .extracting(S3Object::key).containsExactly("home/lister/x.txt");
            assertThat(s3.listObjects(b -> b.bucket("shared").prefix("home/lister/sub")).contents()).isEmpty();
            denied(() -> s3.listObjectsV2(b -> b.bucket("shared").prefix("home/other/")));
            denied(() -> s3.listObjectsV2(b -> b.bucket("shared")));
        }
    }

    @Test
    void sourceIpConditionsHold() throws Exception {
        try (S3Client local = userWith("ip-local", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::bucket-a/*","Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.1/32"}}}]}""");
             S3Client remote = userWith("ip-remote", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::bucket-a/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""");
             S3Client notLocal = userWith("ip-deny", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::bucket-a/*"},{"Effect":"Deny","Action":"s3:*","Resource":"*",
                 "Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}}]}""")) {
            assertThat(get(local, "bucket-a", "seed.txt")).isEqualTo("seed of bucket-a");
            denied(() -> get(remote, "bucket-a", "seed.txt"));
            denied(() -> get(notLocal, "bucket-a", "seed.txt"));
        }
    }

    @Test
    void policyChangesApplyToTheNextRequest() throws Exception {
        admin.addUser("changing", UserInfo.Status.ENABLED, "changing-secret", "readonly", null);
        try (S3Client s3 = node.client("changing", "changing-secret")) {
            denied(() -> put(s3, "bucket-b", "c.txt"));
            admin.setPolicy("changing", false, "readonly,writeonly");
            put(s3, "bucket-b", "c.txt");
            admin.setPolicy("changing", false, "readonly");
            denied(() -> put(s3, "bucket-b", "c2.txt"));
            // A custom policy replaced in place takes effect at once too.
            admin.addCannedPolicy("evolving", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject",
                     "Resource":"arn:aws:s3:::bucket-b/x/*"}]}""");
            admin.setPolicy("changing", false, "evolving");
            put(s3, "bucket-b", "x/1.txt");
            denied(() -> put(s3, "bucket-b", "y/1.txt"));
            admin.addCannedPolicy("evolving", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject",
                     "Resource":"arn:aws:s3:::bucket-b/y/*"}]}""");
            put(s3, "bucket-b", "y/1.txt");
            denied(() -> put(s3, "bucket-b", "x/2.txt"));
        }
    }

    @Test
    void attachAndDetachThroughTheIdpBuiltinApiWithEncryptedBodies() throws Exception {
        admin.addUser("attached", UserInfo.Status.ENABLED, "attached-secret", null, null);
        try (S3Client s3 = node.client("attached", "attached-secret")) {
            denied(() -> get(s3, "bucket-a", "seed.txt"));
            byte[] req = Crypto.encrypt("{\"policies\":[\"readonly\"],\"user\":\"attached\"}"
                    .getBytes(StandardCharsets.UTF_8), TestNode.SECRET_KEY);
            RawHttp.Response r = IamClients.adminCall(node, "POST", "/minio/admin/v3/idp/builtin/policy/attach", null,
                    req, TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            String answer = new String(Crypto.decrypt(new ByteArrayInputStream(r.body()), TestNode.SECRET_KEY),
                    StandardCharsets.UTF_8);
            assertThat(answer).contains("\"policiesAttached\":[\"readonly\"]");
            assertThat(get(s3, "bucket-a", "seed.txt")).isEqualTo("seed of bucket-a");

            // Attaching it again changes nothing: MinIO answers PolicyChangeAlreadyApplied.
            r = IamClients.adminCall(node, "POST", "/minio/admin/v3/idp/builtin/policy/attach", null,
                    req, TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("XMinioAdminPolicyChangeAlreadyApplied");

            // The RustFS path takes the same document in plain JSON.
            r = IamClients.rootCall(node, "POST", "/rustfs/admin/v3/idp/builtin/policy/detach", null,
                    "{\"policies\":[\"readonly\"],\"user\":\"attached\"}");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.text()).contains("\"policiesDetached\":[\"readonly\"]");
            denied(() -> get(s3, "bucket-a", "seed.txt"));
        }
    }

    @Test
    void policiesAreValidatedAndProtected() throws Exception {
        assertThatThrownBy(() -> admin.addCannedPolicy("bad", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"s3:GetObject\"}]}")).hasMessageContaining("MalformedPolicy")
                .hasMessageContaining("Resource");
        assertThatThrownBy(() -> admin.addCannedPolicy("bad", "not json")).hasMessageContaining("MalformedPolicy");
        assertThatThrownBy(() -> admin.addCannedPolicy("readwrite", "{\"Version\":\"2012-10-17\",\"Statement\":[]}"))
                .hasMessageContaining("built-in");
        assertThatThrownBy(() -> admin.removeCannedPolicy("readonly")).hasMessageContaining("built-in");

        admin.addCannedPolicy("in-use", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
        admin.addUser("holder", UserInfo.Status.ENABLED, "holder-secret", "in-use", null);
        assertThatThrownBy(() -> admin.removeCannedPolicy("in-use")).hasMessageContaining("XMinioAdminPolicyInUse");
        admin.setPolicy("holder", false, "readonly");
        admin.removeCannedPolicy("in-use");
        assertThat(admin.listCannedPolicies()).doesNotContainKey("in-use")
                .containsKeys("readwrite", "readonly", "writeonly", "diagnostics", "consoleAdmin");
        assertThatThrownBy(() -> admin.removeCannedPolicy("in-use")).hasMessageContaining("XMinioAdminNoSuchPolicy");
        assertThatThrownBy(() -> admin.setPolicy("holder", false, "missing"))
                .hasMessageContaining("XMinioAdminNoSuchPolicy");
        assertThatThrownBy(() -> admin.setPolicy("holder", true, "readonly")).hasMessageContaining("NotImplemented");
    }

    @Test
    void lockAndTagHeadersAndGovernanceBypassNeedTheirOwnPermissions() throws Exception {
        root.createBucket(b -> b.bucket("lock-perms").objectLockEnabledForBucket(true));
        java.time.Instant until = java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS);
        String locked = root.putObject(b -> b.bucket("lock-perms").key("gov")
                .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("kept")).versionId();
        try (S3Client s3 = userWith("writer-only", """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:DeleteObjectVersion"],
                  "Resource":"arn:aws:s3:::lock-perms/*"}]}""")) {
            put(s3, "lock-perms", "plain");
            denied(() -> s3.putObject(b -> b.bucket("lock-perms").key("forever")
                    .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.COMPLIANCE)
                    .objectLockRetainUntilDate(until), RequestBody.fromString("x")));
            denied(() -> s3.putObject(b -> b.bucket("lock-perms").key("held")
                    .objectLockLegalHoldStatus(software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus.ON),
                    RequestBody.fromString("x")));
            denied(() -> s3.putObject(b -> b.bucket("lock-perms").key("tagged").tagging("a=b"),
                    RequestBody.fromString("x")));
            denied(() -> s3.createMultipartUpload(b -> b.bucket("lock-perms").key("mpu")
                    .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.GOVERNANCE)
                    .objectLockRetainUntilDate(until)));
            denied(() -> s3.deleteObject(b -> b.bucket("lock-perms").key("gov").versionId(locked)
                    .bypassGovernanceRetention(true)));
            DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("lock-perms").bypassGovernanceRetention(true)
                    .delete(Delete.builder().objects(ObjectIdentifier.builder().key("gov").versionId(locked).build())
                            .build()));
            assertThat(r.deleted()).isEmpty();
            assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("AccessDenied"));
        }
        assertThat(root.getObjectAsBytes(b -> b.bucket("lock-perms").key("gov").versionId(locked)).asUtf8String())
                .isEqualTo("kept");
        root.deleteObject(b -> b.bucket("lock-perms").key("gov").versionId(locked).bypassGovernanceRetention(true));
    }
}
