package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/** ACLs, Object Ownership and Block Public Access, with the AWS SDK as root and as an anonymous caller. */
class AclTest extends NodeTestBase {
    static S3Client anonymous;

    @BeforeAll
    static void setUp() {
        anonymous = node.anonymousClient();
        s3.createBucket(b -> b.bucket("acl-default"));
        s3.createBucket(b -> b.bucket("acl-on").objectOwnership(ObjectOwnership.OBJECT_WRITER));
    }

    static void fails(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            if (code != null) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            }
        });
    }

    @Test
    void newBucketsHaveAclsDisabledAsInAws() {
        assertThat(s3.getBucketOwnershipControls(b -> b.bucket("acl-default")).ownershipControls().rules().get(0)
                .objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        // The owner-only ACLs are accepted, anything public is not.
        s3.putObject(b -> b.bucket("acl-default").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket("acl-default").key("k2").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("x"));
        fails(() -> s3.putObject(b -> b.bucket("acl-default").key("k3").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")), 400, "AccessControlListNotSupported");
        fails(() -> s3.putBucketAcl(b -> b.bucket("acl-default").acl(BucketCannedACL.PUBLIC_READ)), 400,
                "AccessControlListNotSupported");
        fails(() -> s3.createBucket(b -> b.bucket("acl-public-new").acl(BucketCannedACL.PUBLIC_READ)), 400,
                "InvalidBucketAclWithObjectOwnership");
        List<Grant> grants = s3.getObjectAcl(b -> b.bucket("acl-default").key("k")).grants();
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL);
            assertThat(g.grantee().type()).isEqualTo(Type.CANONICAL_USER);
            assertThat(g.grantee().id()).isEqualTo(TestNode.ACCESS_KEY);
        });
        assertThat(s3.getBucketAcl(b -> b.bucket("acl-default")).owner().id()).isEqualTo(TestNode.ACCESS_KEY);
    }

    @Test
    void publicReadObjectAclLetsAnonymousCallersRead() {
        s3.putObject(b -> b.bucket("acl-on").key("public.txt").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("for everyone"));
        s3.putObject(b -> b.bucket("acl-on").key("private.txt"), RequestBody.fromString("secret"));
        assertThat(anonymous.getObjectAsBytes(b -> b.bucket("acl-on").key("public.txt")).asUtf8String())
                .isEqualTo("for everyone");
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("acl-on").key("private.txt")), 403, "AccessDenied");
        fails(() -> anonymous.putObject(b -> b.bucket("acl-on").key("x"), RequestBody.fromString("x")), 403,
                "AccessDenied");
        List<Grant> grants = s3.getObjectAcl(b -> b.bucket("acl-on").key("public.txt")).grants();
        assertThat(grants).anySatisfy(g -> {
            assertThat(g.grantee().type()).isEqualTo(Type.GROUP);
            assertThat(g.grantee().uri()).isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
            assertThat(g.permission()).isEqualTo(Permission.READ);
        });

        // PutObjectAcl with an XML body takes it back; CopyObject does not copy the source's ACL.
        s3.copyObject(b -> b.sourceBucket("acl-on").sourceKey("public.txt").destinationBucket("acl-on")
                .destinationKey("copied.txt"));
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("acl-on").key("copied.txt")), 403, "AccessDenied");
        s3.putObjectAcl(b -> b.bucket("acl-on").key("public.txt").accessControlPolicy(p -> p
                .owner(o -> o.id(TestNode.ACCESS_KEY)).grants(Grant.builder().permission(Permission.FULL_CONTROL)
                        .grantee(Grantee.builder().type(Type.CANONICAL_USER).id(TestNode.ACCESS_KEY).build()).build())));
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("acl-on").key("public.txt")), 403, "AccessDenied");
    }

    @Test
    void bucketAclsGrantListingAndWriting() {
        s3.createBucket(b -> b.bucket("acl-rw").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .acl(BucketCannedACL.PUBLIC_READ_WRITE));
        anonymous.putObject(b -> b.bucket("acl-rw").key("drop"), RequestBody.fromString("dropped"));
        assertThat(anonymous.listObjectsV2(b -> b.bucket("acl-rw")).contents()).hasSize(1);
        // The grant headers form of PutBucketAcl: read only now.
        s3.putBucketAcl(b -> b.bucket("acl-rw").grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""));
        fails(() -> anonymous.putObject(b -> b.bucket("acl-rw").key("drop2"), RequestBody.fromString("x")), 403,
                "AccessDenied");
        assertThat(anonymous.listObjectsV2(b -> b.bucket("acl-rw")).contents()).hasSize(1);
        fails(() -> s3.putBucketAcl(b -> b.bucket("acl-rw").grantRead("emailAddress=\"someone@example.com\"")), 400,
                "UnresolvableGrantByEmailAddress");
        fails(() -> s3.putBucketAcl(b -> b.bucket("acl-rw").grantRead("id=\"someone-else\"")), 400, "InvalidArgument");
        // Enforcing bucket ownership is refused while the bucket ACL still grants others.
        fails(() -> s3.putBucketOwnershipControls(b -> b.bucket("acl-rw").ownershipControls(o -> o.rules(r -> r
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))), 400, "InvalidBucketAclWithObjectOwnership");
        s3.putBucketAcl(b -> b.bucket("acl-rw").acl(BucketCannedACL.PRIVATE));
        s3.putBucketOwnershipControls(b -> b.bucket("acl-rw").ownershipControls(o -> o.rules(r -> r
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        fails(() -> anonymous.listObjectsV2(b -> b.bucket("acl-rw")), 403, "AccessDenied");
        s3.deleteBucketOwnershipControls(b -> b.bucket("acl-rw"));
        fails(() -> s3.getBucketOwnershipControls(b -> b.bucket("acl-rw")), 404, "OwnershipControlsNotFoundError");
    }

    @Test
    void blockPublicAccess() {
        s3.createBucket(b -> b.bucket("acl-block").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        fails(() -> s3.getPublicAccessBlock(b -> b.bucket("acl-block")), 404, "NoSuchPublicAccessBlockConfiguration");
        s3.putObject(b -> b.bucket("acl-block").key("was-public").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x"));
        s3.putPublicAccessBlock(b -> b.bucket("acl-block").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(false)));
        var got = s3.getPublicAccessBlock(b -> b.bucket("acl-block")).publicAccessBlockConfiguration();
        assertThat(got.blockPublicAcls()).isTrue();
        assertThat(got.restrictPublicBuckets()).isFalse();
        fails(() -> s3.putObject(b -> b.bucket("acl-block").key("new").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")), 403, "AccessDenied");
        // IgnorePublicAcls: the stored public grant no longer counts.
        fails(() -> anonymous.getObjectAsBytes(b -> b.bucket("acl-block").key("was-public")), 403, "AccessDenied");
        fails(() -> s3.putBucketPolicy(b -> b.bucket("acl-block").policy(publicRead("acl-block"))), 403,
                "AccessDenied");

        // RestrictPublicBuckets: a public policy already in place stops granting anonymous callers.
        s3.deletePublicAccessBlock(b -> b.bucket("acl-block"));
        s3.putObject(b -> b.bucket("acl-block").key("by-policy"), RequestBody.fromString("p"));
        s3.putBucketPolicy(b -> b.bucket("acl-block").policy(publicRead("acl-block")));
        assertThat(anonymous.getObjectAsBytes(b -> b.bucket("acl-block").key("by-policy")).asUtf8String())
                .isEqualTo("p");
        s3.putPublicAccessBlock(b -> b.bucket("acl-block").publicAccessBlockConfiguration(c -> c
                .restrictPublicBuckets(true)));
        fails(() -> anonymous.headObject(b -> b.bucket("acl-block").key("by-policy")), 403, null);
        s3.deletePublicAccessBlock(b -> b.bucket("acl-block"));
    }

    private static String publicRead(String bucket) {
        return """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bucket);
    }

    @Test
    void badAclsAreRefusedClearly() {
        fails(() -> s3.putObject(b -> b.bucket("acl-on").key("both").acl(ObjectCannedACL.PUBLIC_READ)
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""), RequestBody.fromString("x")),
                400, "InvalidRequest");
        fails(() -> s3.putObject(b -> b.bucket("acl-on").key("bad").grantRead("uri=\"http://example.com/group\""),
                RequestBody.fromString("x")), 400, "InvalidArgument");
    }
}
