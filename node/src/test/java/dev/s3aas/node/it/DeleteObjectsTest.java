package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

class DeleteObjectsTest extends NodeTestBase {
    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("multi"));
    }

    @Test
    void deletesAThousandKeysInOneRequest() {
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String key = "k/" + i;
            s3.putObject(b -> b.bucket("multi").key(key), RequestBody.fromString("v" + key));
            ids.add(ObjectIdentifier.builder().key(key).build());
        }
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("multi").delete(d -> d.objects(ids)));
        assertThat(r.deleted()).hasSize(1000);
        assertThat(r.errors()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket("multi").prefix("k/")).keyCount()).isZero();
    }

    @Test
    void quietModeReportsOnlyErrorsAndMissingKeysAreDeleted() {
        s3.putObject(b -> b.bucket("multi").key("q1"), RequestBody.fromString("x"));
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("multi").delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("q1").build(),
                ObjectIdentifier.builder().key("never-existed").build())));
        assertThat(r.deleted()).isEmpty();
        assertThat(r.errors()).isEmpty();
        DeleteObjectsResponse loud = s3.deleteObjects(b -> b.bucket("multi").delete(d -> d.objects(
                ObjectIdentifier.builder().key("never-existed").build())));
        assertThat(loud.deleted()).extracting(x -> x.key()).containsExactly("never-existed");
    }

    @Test
    void invalidKeysAreReportedPerKey() {
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("multi").delete(d -> d.objects(
                ObjectIdentifier.builder().key("k".repeat(1100)).build(),
                ObjectIdentifier.builder().key("fine").build())));
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("KeyTooLongError"));
        assertThat(r.deleted()).extracting(x -> x.key()).containsExactly("fine");
    }
}
