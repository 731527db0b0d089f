package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** ListBuckets with prefix, max-buckets and continuation tokens (AWS SDK v2's paginator drives them). */
class ListBucketsTest extends NodeTestBase {
    @BeforeAll
    static void setUp() {
        for (String name : List.of("lb-a1", "lb-a2", "lb-a3", "lb-b1", "lb-b2")) {
            s3.createBucket(b -> b.bucket(name));
        }
    }

    @Test
    void pagesThroughAllBuckets() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListBucketsResponse page = s3.listBuckets(b -> b.maxBuckets(2).prefix("lb-").continuationToken(t));
            page.buckets().forEach(x -> seen.add(x.name()));
            assertThat(page.buckets()).hasSizeLessThanOrEqualTo(2);
            assertThat(page.prefix()).isEqualTo("lb-");
            token = page.continuationToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("lb-a1", "lb-a2", "lb-a3", "lb-b1", "lb-b2");
        assertThat(pages).isEqualTo(3);

        assertThat(s3.listBucketsPaginator(b -> b.maxBuckets(1).prefix("lb-a")).buckets().stream().map(Bucket::name))
                .containsExactly("lb-a1", "lb-a2", "lb-a3");
        assertThat(s3.listBuckets(b -> b.prefix("lb-b")).buckets()).extracting(Bucket::name)
                .containsExactly("lb-b1", "lb-b2");
        assertThat(s3.listBuckets(b -> b.bucketRegion("eu-west-3")).buckets()).isEmpty();
    }

    @Test
    void badParametersAreInvalidArgument() {
        for (int max : new int[] {0, 10_001}) {
            assertThatThrownBy(() -> s3.listBuckets(b -> b.maxBuckets(max)))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        }
        assertThatThrownBy(() -> s3.listBuckets(b -> b.maxBuckets(5).continuationToken("%%%not-a-token")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    }
}
