package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.UserInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Put/Get/Delete BucketPolicy and GetBucketPolicyStatus, and what bucket policies grant anonymous and IAM users. */
class BucketPolicyTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static S3Client root;
    static S3Client anonymous;

    static final String PUBLIC_READ = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}""";

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        root = node.client();
        anonymous = node.anonymousClient();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static void bucketWithObject(String bucket) {
        root.createBucket(b -> b.bucket(bucket));
        root.putObject(b -> b.bucket(bucket).key("doc.txt").contentLanguage("en")
                .metadata(java.util.Map.of("origin", "test")), RequestBody.fromString("public doc"));
    }

    static void fails(Executable call, String code) {
        assertThatThrownBy(call::execute).satisfies(e -> assertThat(IamClients.code(e)).isEqualTo(code));
    }

    @Test
    void putGetStatusDeleteRoundTrip() {
        bucketWithObject("pol-crud");
        fails(() -> root.getBucketPolicy(b -> b.bucket("pol-crud")), "NoSuchBucketPolicy");
        fails(() -> root.getBucketPolicyStatus(b -> b.bucket("pol-crud")), "NoSuchBucketPolicy");
        String policy = PUBLIC_READ.formatted("pol-crud");
        root.putBucketPolicy(b -> b.bucket("pol-crud").policy(policy));
        assertThat(root.getBucketPolicy(b -> b.bucket("pol-crud")).policy()).isEqualTo(policy);
        assertThat(root.getBucketPolicyStatus(b -> b.bucket("pol-crud")).policyStatus().isPublic()).isTrue();
        root.deleteBucketPolicy(b -> b.bucket("pol-crud"));
        fails(() -> root.getBucketPolicy(b -> b.bucket("pol-crud")), "NoSuchBucketPolicy");
        root.deleteBucketPolicy(b -> b.bucket("pol-crud"));
        fails(() -> root.putBucketPolicy(b -> b.bucket("no-such-bucket").policy(PUBLIC_READ.formatted("x"))),
                "NoSuchBucket");
    }

    @Test
    void aPolicyForNamedUsersIsNotPublic() {
        root.createBucket(b -> b.bucket("pol-private"));
        root.putBucketPolicy(b -> b.bucket("pol-private").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["someone"]},
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::pol-private/*"}]}"""));
        assertThat(root.getBucketPolicyStatus(b -> b.bucket("pol-private")).policyStatus().isPublic()).isFalse();
    }

    @Test
    void malformedPoliciesAreRefusedWithTheReason() {
        root.createBucket(b -> b.bucket("pol-bad"));
        assertThatThrownBy(() -> root.putBucketPolicy(b -> b.bucket("pol-bad").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::other-bucket/*"}]}"""))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("other-bucket");
                });
        assertThatThrownBy(() -> root.putBucketPolicy(b -> b.bucket("pol-bad").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::pol-bad/*"}]}"""))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
                    assertThat(e.awsErrorDetails().errorMessage()).containsIgnoringCase("principal");
                });
        fails(() -> root.putBucketPolicy(b -> b.bucket("pol-bad").policy("{not json")), "MalformedPolicy");
        fails(() -> root.putBucketPolicy(b -> b.bucket("pol-bad").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:Fly",
                 "Resource":"arn:aws:s3:::pol-bad/*"}]}""")), "MalformedPolicy");
        String huge = "{\"Version\":\"2012-10-17\",\"Statement\":[" + ("{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::pol-bad/*\"},").repeat(300) + "]}";
        fails(() -> root.putBucketPolicy(b -> b.bucket("pol-bad").policy(huge)), "MalformedPolicy");
        fails(() -> root.getBucketPolicy(b -> b.bucket("pol-bad")), "NoSuchBucketPolicy");
    }

    @Test
    void anonymousRequestsWithoutAPolicyAreDenied() {
        bucketWithObject("pol-none");
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("pol-none").key("doc.txt")), "AccessDenied");
        fails(() -> anonymous.listObjectsV2(b -> b.bucket("pol-none")), "AccessDenied");
        fails(() -> anonymous.putObject(b -> b.bucket("pol-none").key("x"), RequestBody.fromString("x")),
                "AccessDenied");
        fails(anonymous::listBuckets, "AccessDenied");
    }

    @Test
    void aPublicReadBucketServesAnonymousGetsAndNothingElse() throws Exception {
        bucketWithObject("pol-public");
        root.putBucketPolicy(b -> b.bucket("pol-public").policy(PUBLIC_READ.formatted("pol-public")));
        assertThat(anonymous.getObjectAsBytes(b -> b.bucket("pol-public").key("doc.txt")).asUtf8String())
                .isEqualTo("public doc");
        assertThat(anonymous.headObject(b -> b.bucket("pol-public").key("doc.txt")).contentLength()).isEqualTo(10);
        // A plain unsigned GET, as a browser sends it.
        RawHttp.Response r = new RawHttp(node.port()).send("GET", "/pol-public/doc.txt", List.of(), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("public doc");
        // Without s3:ListBucket a missing key is 403, as in S3: a public reader cannot probe which keys exist.
        RawHttp.Response missing = new RawHttp(node.port()).send("GET", "/pol-public/absent.txt", List.of(), null);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.errorCode()).isEqualTo("AccessDenied");
        assertThatThrownBy(() -> anonymous.headObject(b -> b.bucket("pol-public").key("absent.txt")))
                .isInstanceOfSatisfying(software.amazon.awssdk.awscore.exception.AwsServiceException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        fails(() -> root.getObjectAsBytes(b -> b.bucket("pol-public").key("absent.txt")), "NoSuchKey");
        // Anonymous callers may not override response headers; the error carries none of the object's headers.
        RawHttp.Response refused = new RawHttp(node.port()).send("GET",
                "/pol-public/doc.txt?response-content-type=text%2Fhtml", List.of(), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("<Code>InvalidRequest</Code>");
        assertThat(refused.headers().keySet()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-meta-"))
                .noneMatch(h -> h.equalsIgnoreCase("Content-Language"));
        assertThat(r.headers().keySet()).anyMatch(h -> h.equalsIgnoreCase("x-amz-meta-origin"));

        fails(() -> anonymous.putObject(b -> b.bucket("pol-public").key("x"), RequestBody.fromString("x")),
                "AccessDenied");
        fails(() -> anonymous.listObjectsV2(b -> b.bucket("pol-public")), "AccessDenied");
        fails(() -> anonymous.deleteObject(b -> b.bucket("pol-public").key("doc.txt")), "AccessDenied");
        fails(() -> anonymous.getBucketPolicy(b -> b.bucket("pol-public")), "AccessDenied");
        assertThat(root.listObjectsV2(b -> b.bucket("pol-public")).contents()).extracting(S3Object::key)
                .containsExactly("doc.txt");

        // Granting listing and uploads to everyone opens exactly those.
        root.putBucketPolicy(b -> b.bucket("pol-public").policy("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::pol-public/*"},
                 {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::pol-public"},
                 {"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::pol-public/drop/*"}]}"""));
        assertThat(anonymous.listObjectsV2(b -> b.bucket("pol-public")).contents()).extracting(S3Object::key)
                .containsExactly("doc.txt");
        anonymous.putObject(b -> b.bucket("pol-public").key("drop/in.txt"), RequestBody.fromString("dropped"));
        fails(() -> anonymous.putObject(b -> b.bucket("pol-public").key("elsewhere.txt"), RequestBody.fromString("x")),
                "AccessDenied");
        assertThat(root.getObjectAsBytes(b -> b.bucket("pol-public").key("drop/in.txt")).asUtf8String())
                .isEqualTo("dropped");

        // Deleting the policy closes the bucket again at once.
        root.deleteBucketPolicy(b -> b.bucket("pol-public"));
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("pol-public").key("doc.txt")), "AccessDenied");
    }

    @Test
    void aRecreatedBucketDoesNotInheritTheOldPolicy() {
        bucketWithObject("pol-recreate");
        root.putBucketPolicy(b -> b.bucket("pol-recreate").policy(PUBLIC_READ.formatted("pol-recreate")));
        assertThat(anonymous.getObjectAsBytes(b -> b.bucket("pol-recreate").key("doc.txt")).asUtf8String())
                .isEqualTo("public doc");
        root.deleteObject(b -> b.bucket("pol-recreate").key("doc.txt"));
        root.deleteBucket(b -> b.bucket("pol-recreate"));
        bucketWithObject("pol-recreate");
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("pol-recreate").key("doc.txt")), "AccessDenied");
    }

    @Test
    void bucketPoliciesGrantAndDenyIamUsers() throws Exception {
        bucketWithObject("pol-users");
        var admin = IamClients.admin(node);
        admin.addUser("guest-key", UserInfo.Status.ENABLED, "guest-secret", null, null);
        admin.addUser("rw-key", UserInfo.Status.ENABLED, "rw-secret", "readwrite", null);
        root.putBucketPolicy(b -> b.bucket("pol-users").policy("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:user/guest-key"]},
                  "Action":"s3:GetObject","Resource":"arn:aws:s3:::pol-users/*"},
                 {"Effect":"Deny","Principal":{"AWS":"rw-key"},"Action":"s3:DeleteObject",
                  "Resource":"arn:aws:s3:::pol-users/*"}]}"""));
        try (S3Client guest = node.client("guest-key", "guest-secret"); S3Client rw = node.client("rw-key", "rw-secret")) {
            // No identity policy at all: the bucket policy alone grants the read.
            assertThat(guest.getObjectAsBytes(b -> b.bucket("pol-users").key("doc.txt")).asUtf8String())
                    .isEqualTo("public doc");
            fails(() -> guest.putObject(b -> b.bucket("pol-users").key("g"), RequestBody.fromString("g")),
                    "AccessDenied");
            // readwrite allows the delete, the bucket policy's explicit Deny wins.
            rw.putObject(b -> b.bucket("pol-users").key("rw.txt"), RequestBody.fromString("rw"));
            fails(() -> rw.deleteObject(b -> b.bucket("pol-users").key("rw.txt")), "AccessDenied");
        }
    }
}
