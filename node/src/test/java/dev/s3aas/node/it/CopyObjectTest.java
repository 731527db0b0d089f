package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

class CopyObjectTest extends NodeTestBase {
    static String srcEtag;

    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("src"));
        s3.createBucket(b -> b.bucket("dst"));
        srcEtag = s3.putObject(b -> b.bucket("src").key("doc.txt").contentType("text/plain")
                .metadata(Map.of("origin", "source")), RequestBody.fromString("the content")).eTag();
    }

    @Test
    void copyKeepsMetadataByDefault() {
        CopyObjectResponse r = s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc.txt")
                .destinationBucket("dst").destinationKey("copy.txt"));
        assertThat(r.copyObjectResult().eTag()).isEqualTo(srcEtag);
        HeadObjectResponse h = s3.headObject(b -> b.bucket("dst").key("copy.txt"));
        assertThat(h.contentType()).isEqualTo("text/plain");
        assertThat(h.metadata()).containsEntry("origin", "source");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("dst").key("copy.txt")).asUtf8String()).isEqualTo("the content");
    }

    @Test
    void replaceDirectiveTakesTheRequestsMetadata() {
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc.txt").destinationBucket("src").destinationKey("renamed")
                .metadataDirective(MetadataDirective.REPLACE).contentType("application/json")
                .metadata(Map.of("origin", "replaced")));
        HeadObjectResponse h = s3.headObject(b -> b.bucket("src").key("renamed"));
        assertThat(h.contentType()).isEqualTo("application/json");
        assertThat(h.metadata()).containsExactly(Map.entry("origin", "replaced"));
    }

    @Test
    void copyOntoItselfNeedsReplace() {
        s3.putObject(b -> b.bucket("src").key("self"), RequestBody.fromBytes(PutObjectTest.random(400_000, 3)));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("self").destinationBucket("src")
                .destinationKey("self")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest"));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("self").destinationBucket("src").destinationKey("self")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("v", "2")));
        assertThat(s3.headObject(b -> b.bucket("src").key("self")).metadata()).containsEntry("v", "2");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("src").key("self")).asByteArray())
                .isEqualTo(PutObjectTest.random(400_000, 3));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("self").destinationBucket("src").destinationKey("self")
                .taggingDirective(TaggingDirective.REPLACE).tagging("t=1"));
        assertThat(s3.getObjectTagging(b -> b.bucket("src").key("self")).tagSet())
                .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("t", "1"));
    }

    @Test
    void copySourceConditions() {
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc.txt").destinationBucket("dst")
                .destinationKey("c1").copySourceIfMatch("\"wrong\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc.txt").destinationBucket("dst")
                .destinationKey("c2").copySourceIfNoneMatch(srcEtag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc.txt").destinationBucket("dst")
                .destinationKey("c3").copySourceIfUnmodifiedSince(Instant.now().minusSeconds(3600))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc.txt").destinationBucket("dst").destinationKey("c4")
                .copySourceIfMatch(srcEtag).copySourceIfModifiedSince(Instant.now().minusSeconds(3600)));
        assertThat(s3.headObject(b -> b.bucket("dst").key("c4")).eTag()).isEqualTo(srcEtag);
    }

    @Test
    void largeObjectsAreStreamedAndByteExact() {
        byte[] big = PutObjectTest.random(24 * 1024 * 1024 + 5, 4);
        s3.putObject(b -> b.bucket("src").key("large"), RequestBody.fromBytes(big));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey("large").destinationBucket("dst").destinationKey("large"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("dst").key("large")).asByteArray()).isEqualTo(big);
    }

    @Test
    void keysWithSpecialCharacters() {
        String key = "dir with space/ü+plus&amp?.txt";
        s3.putObject(b -> b.bucket("src").key(key), RequestBody.fromString("odd"));
        s3.copyObject(b -> b.sourceBucket("src").sourceKey(key).destinationBucket("dst").destinationKey(key));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("dst").key(key)).asUtf8String()).isEqualTo("odd");
    }

    @Test
    void missingSource() {
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("src").sourceKey("nope").destinationBucket("dst")
                .destinationKey("x"))).isInstanceOf(NoSuchKeyException.class);
    }
}
