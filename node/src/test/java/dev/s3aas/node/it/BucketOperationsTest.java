package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class BucketOperationsTest extends NodeTestBase {


    @Test
    void createListHeadDelete() {
        s3.createBucket(b -> b.bucket("alpha-1"));
        s3.createBucket(b -> b.bucket("beta.2"));
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("alpha-1", "beta.2");
        assertThat(s3.headBucket(b -> b.bucket("alpha-1")).sdkHttpResponse().statusCode()).isEqualTo(200);
        s3.deleteBucket(b -> b.bucket("alpha-1"));
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("alpha-1"))).isInstanceOf(NoSuchBucketException.class);
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain("alpha-1");
    }

    @Test
    void creatingAnExistingBucketIsAConflict() {
        s3.createBucket(b -> b.bucket("twice"));
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("twice")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
                });
    }

    @Test
    void deletingANonEmptyBucketFails() {
        s3.createBucket(b -> b.bucket("full"));
        s3.putObject(b -> b.bucket("full").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("full")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(b -> b.bucket("full").key("k"));
        s3.deleteBucket(b -> b.bucket("full"));
    }

    @Test
    void recreatedBucketIsEmpty() {
        s3.createBucket(b -> b.bucket("phoenix"));
        s3.putObject(b -> b.bucket("phoenix").key("k"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("phoenix").key("k"));
        s3.deleteBucket(b -> b.bucket("phoenix"));
        s3.createBucket(b -> b.bucket("phoenix"));
        assertThat(s3.listObjectsV2(b -> b.bucket("phoenix")).contents()).isEmpty();
    }

    @Test
    void locationConstraint() {
        s3.createBucket(b -> b.bucket("located").createBucketConfiguration(
                c -> c.locationConstraint("us-east-1")));
        assertThat(s3.getBucketLocation(b -> b.bucket("located")).locationConstraintAsString()).isEmpty();
        // Like MinIO without a configured region: any well-formed region is accepted and reported back.
        s3.createBucket(b -> b.bucket("elsewhere").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        assertThat(s3.getBucketLocation(b -> b.bucket("elsewhere")).locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("nowhere").createBucketConfiguration(
                c -> c.locationConstraint("Not A Region"))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLocationConstraint"));
    }

    @Test
    void missingBucket() {
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("no-such-bucket")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("no-such-bucket")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.getBucketLocation(b -> b.bucket("no-such-bucket")))
                .isInstanceOf(NoSuchBucketException.class);
    }
}
