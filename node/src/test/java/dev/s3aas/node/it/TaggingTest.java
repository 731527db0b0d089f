package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

class TaggingTest extends NodeTestBase {
    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("tags"));
    }

    @Test
    void tagsOnPutAndThroughTheTaggingApi() {
        s3.putObject(b -> b.bucket("tags").key("t").tagging("env=prod&team=a%20b"), RequestBody.fromString("x"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("t")).tagSet())
                .containsExactly(Tag.builder().key("env").value("prod").build(), Tag.builder().key("team").value("a b").build());
        assertThat(s3.getObject(b -> b.bucket("tags").key("t")).response().tagCount()).isEqualTo(2);
        s3.putObjectTagging(b -> b.bucket("tags").key("t").tagging(t -> t.tagSet(Tag.builder().key("k").value("v").build())));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("t")).tagSet()).extracting(Tag::key).containsExactly("k");
        s3.deleteObjectTagging(b -> b.bucket("tags").key("t"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("t")).tagSet()).isEmpty();
    }

    @Test
    void copyTaggingDirective() {
        s3.putObject(b -> b.bucket("tags").key("src").tagging("a=1"), RequestBody.fromString("x"));
        s3.copyObject(b -> b.sourceBucket("tags").sourceKey("src").destinationBucket("tags").destinationKey("copied"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("copied")).tagSet()).extracting(Tag::key).containsExactly("a");
        s3.copyObject(b -> b.sourceBucket("tags").sourceKey("src").destinationBucket("tags").destinationKey("replaced")
                .taggingDirective(TaggingDirective.REPLACE).tagging("b=2"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tags").key("replaced")).tagSet()).extracting(Tag::key)
                .containsExactly("b");
    }

    @Test
    void limitsAreEnforced() {
        List<Tag> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Tag.builder().key("k" + i).value("v").build());
        }
        s3.putObject(b -> b.bucket("tags").key("lim"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket("tags").key("lim").tagging(t -> t.tagSet(eleven))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("tags").key("lim2").tagging("aws:x=1"),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag"));
    }

    @Test
    void bucketTagging() {
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("tags")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet"));
        s3.putBucketTagging(b -> b.bucket("tags").tagging(t -> t.tagSet(Tag.builder().key("cost").value("42").build())));
        assertThat(s3.getBucketTagging(b -> b.bucket("tags")).tagSet()).extracting(Tag::value).containsExactly("42");
        s3.deleteBucketTagging(b -> b.bucket("tags"));
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("tags"))).isInstanceOf(S3Exception.class);
    }
}
