package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.UserInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * PutBucketLifecycleConfiguration, GetBucketLifecycleConfiguration and DeleteBucketLifecycle through the AWS SDK
 * v2: round trips of every rule shape, S3's validation errors, and the IAM actions that authorize them.
 */
class BucketLifecycleConfigurationTest extends NodeTestBase {
    @BeforeAll
    static void setUp() {
        s3.createBucket(b -> b.bucket("rules"));
    }

    static LifecycleRule.Builder rule(String id) {
        return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""));
    }

    static void put(String bucket, LifecycleRule... rules) {
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
    }

    static List<LifecycleRule> get(String bucket) {
        return s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
    }

    static void refused(String code, LifecycleRule... rules) {
        assertThatThrownBy(() -> put("rules", rules)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void everyRuleShapeRoundTrips() {
        s3.createBucket(b -> b.bucket("round-trip"));
        assertThatThrownBy(() -> get("round-trip")).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchLifecycleConfiguration");
        });
        List<LifecycleRule> rules = List.of(
                rule("days").filter(f -> f.prefix("logs/")).expiration(e -> e.days(30)).build(),
                rule("date").filter(f -> f.tag(Tag.builder().key("env").value("tmp").build()))
                        .expiration(e -> e.date(Instant.parse("2030-01-01T00:00:00Z"))).build(),
                rule("markers").status(ExpirationStatus.DISABLED).expiration(e -> e.expiredObjectDeleteMarker(true))
                        .build(),
                rule("noncurrent").filter(f -> f.and(LifecycleRuleAndOperator.builder().prefix("data/")
                                .tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build())
                                .objectSizeGreaterThan(100L).objectSizeLessThan(1_000_000L).build()))
                        .noncurrentVersionExpiration(n -> n.noncurrentDays(7).newerNoncurrentVersions(3)).build(),
                rule("sizes").filter(f -> f.objectSizeGreaterThan(10L)).expiration(e -> e.days(1)).build(),
                rule("uploads").filter(f -> f.prefix("up/"))
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2)).build());
        s3.putBucketLifecycleConfiguration(b -> b.bucket("round-trip").lifecycleConfiguration(c -> c.rules(rules)));
        assertThat(get("round-trip")).containsExactlyElementsOf(rules);

        s3.deleteBucketLifecycle(b -> b.bucket("round-trip"));
        assertThatThrownBy(() -> get("round-trip")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchLifecycleConfiguration"));
        s3.deleteBucketLifecycle(b -> b.bucket("round-trip"));
    }

    @Test
    void theDeprecatedRuleLevelPrefixIsKeptAsItWasPut() {
        s3.createBucket(b -> b.bucket("legacy-prefix"));
        @SuppressWarnings("deprecation")
        LifecycleRule legacy = LifecycleRule.builder().id("legacy").prefix("old/").status(ExpirationStatus.ENABLED)
                .expiration(e -> e.days(5)).build();
        put("legacy-prefix", legacy);
        assertThat(get("legacy-prefix")).containsExactly(legacy);
    }

    @Test
    void aRuleWithoutAnIdGetsOne() {
        s3.createBucket(b -> b.bucket("no-id"));
        put("no-id", LifecycleRule.builder().status(ExpirationStatus.ENABLED).filter(f -> f.prefix("x/"))
                .expiration(e -> e.days(1)).build(), rule("named").expiration(e -> e.days(2)).build());
        List<LifecycleRule> stored = get("no-id");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).id()).isNotBlank().isNotEqualTo("named");
        assertThat(stored.get(1).id()).isEqualTo("named");
    }

    @Test
    void invalidConfigurationsAreRefusedAndTheOldOneStays() {
        LifecycleRule good = rule("good").expiration(e -> e.days(1)).build();
        put("rules", good);
        refused("InvalidArgument", rule("same").expiration(e -> e.days(1)).build(),
                rule("same").expiration(e -> e.days(2)).build());
        refused("InvalidArgument", rule("zero").expiration(e -> e.days(0)).build());
        refused("InvalidArgument", rule("negative").expiration(e -> e.days(-3)).build());
        refused("InvalidArgument", rule("x".repeat(256)).expiration(e -> e.days(1)).build());
        refused("InvalidArgument", rule("not-midnight").expiration(e -> e.date(Instant.parse("2030-01-01T10:00:00Z")))
                .build());
        refused("InvalidArgument", rule("noncurrent").noncurrentVersionExpiration(n -> n.noncurrentDays(0)).build());
        refused("InvalidArgument", rule("newer").noncurrentVersionExpiration(n -> n.noncurrentDays(1)
                .newerNoncurrentVersions(101)).build());
        refused("InvalidArgument", rule("abort").abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(0)).build());
        refused("InvalidArgument", rule("sizes").filter(f -> f.and(a -> a.objectSizeGreaterThan(100L)
                .objectSizeLessThan(10L))).expiration(e -> e.days(1)).build());
        refused("InvalidArgument", rule("both").expiration(e -> e.days(1).expiredObjectDeleteMarker(true)).build());
        refused("InvalidRequest", rule("no-action").build());
        refused("InvalidRequest", rule("marker-tags").filter(f -> f.tag(Tag.builder().key("k").value("v").build()))
                .expiration(e -> e.expiredObjectDeleteMarker(true)).build());
        refused("InvalidRequest", rule("abort-tags").filter(f -> f.tag(Tag.builder().key("k").value("v").build()))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build());
        refused("InvalidRequest", rule("dup-tags").filter(f -> f.and(a -> a.tags(Tag.builder().key("k").value("1").build(),
                Tag.builder().key("k").value("2").build()))).expiration(e -> e.days(1)).build());
        refused("MalformedXML", LifecycleRule.builder().id("no-filter").status(ExpirationStatus.ENABLED)
                .expiration(e -> e.days(1)).build());
        List<LifecycleRule> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add(rule("r" + i).expiration(e -> e.days(1)).build());
        }
        refused("InvalidArgument", tooMany.toArray(LifecycleRule[]::new));
        assertThat(get("rules")).containsExactly(good);
    }

    @Test
    void transitionsAreRefusedNeverIgnored() {
        put("rules", rule("before").expiration(e -> e.days(9)).build());
        for (TransitionStorageClass target : List.of(TransitionStorageClass.GLACIER, TransitionStorageClass.STANDARD_IA)) {
            assertThatThrownBy(() -> put("rules", rule("cold").transitions(t -> t.days(30).storageClass(target))
                    .build())).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidStorageClass");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("only the STANDARD storage class");
                    });
        }
        refused("InvalidStorageClass", rule("cold-versions").noncurrentVersionTransitions(t -> t.noncurrentDays(30)
                .storageClass(TransitionStorageClass.GLACIER)).expiration(e -> e.days(60)).build());
        assertThat(get("rules")).extracting(LifecycleRule::id).containsExactly("before");
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> get("no-such-bucket-here")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
    }

    /** Get needs s3:GetLifecycleConfiguration; Put and Delete both need s3:PutLifecycleConfiguration, as in AWS. */
    @Test
    void iamActions() throws Exception {
        s3.createBucket(b -> b.bucket("iam-rules"));
        put("iam-rules", rule("r").expiration(e -> e.days(3)).build());
        var admin = IamClients.admin(node);
        admin.addCannedPolicy("lifecycle-read", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": ["s3:GetLifecycleConfiguration"], "Resource": ["arn:aws:s3:::iam-rules"]}]}""");
        admin.addCannedPolicy("lifecycle-write", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": ["s3:PutLifecycleConfiguration"], "Resource": ["arn:aws:s3:::iam-rules"]}]}""");
        admin.addUser("lc-reader", UserInfo.Status.ENABLED, "lc-reader-secret", "lifecycle-read", null);
        admin.addUser("lc-writer", UserInfo.Status.ENABLED, "lc-writer-secret", "lifecycle-write", null);
        try (S3Client reader = node.client("lc-reader", "lc-reader-secret");
             S3Client writer = node.client("lc-writer", "lc-writer-secret")) {
            assertThat(reader.getBucketLifecycleConfiguration(b -> b.bucket("iam-rules")).rules()).hasSize(1);
            assertThatThrownBy(() -> reader.deleteBucketLifecycle(b -> b.bucket("iam-rules")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> writer.getBucketLifecycleConfiguration(b -> b.bucket("iam-rules")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            writer.putBucketLifecycleConfiguration(b -> b.bucket("iam-rules")
                    .lifecycleConfiguration(c -> c.rules(rule("w").expiration(e -> e.days(4)).build())));
            writer.deleteBucketLifecycle(b -> b.bucket("iam-rules"));
        }
        assertThatThrownBy(() -> get("iam-rules")).isInstanceOf(S3Exception.class);
    }
}
