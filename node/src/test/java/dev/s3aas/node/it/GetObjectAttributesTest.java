package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.S3Exception;

class GetObjectAttributesTest extends NodeTestBase {
    @BeforeAll
    static void setUp() {
        s3.createBucket(b -> b.bucket("attrs"));
    }

    @Test
    void singleObjectAttributes() {
        String etag = s3.putObject(b -> b.bucket("attrs").key("one").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromString("hello attributes")).eTag();
        GetObjectAttributesResponse r = s3.getObjectAttributes(b -> b.bucket("attrs").key("one").objectAttributes(
                ObjectAttributes.E_TAG, ObjectAttributes.OBJECT_SIZE, ObjectAttributes.STORAGE_CLASS,
                ObjectAttributes.CHECKSUM));
        assertThat("\"" + r.eTag() + "\"").isEqualTo(etag);
        assertThat(r.objectSize()).isEqualTo(16);
        assertThat(r.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(r.checksum().checksumCRC32C()).isNotBlank();
        assertThat(r.lastModified()).isNotNull();
        // Only what was asked for.
        GetObjectAttributesResponse size = s3.getObjectAttributes(b -> b.bucket("attrs").key("one")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE));
        assertThat(size.eTag()).isNull();
        assertThat(size.objectSize()).isEqualTo(16);
    }

    @Test
    void multipartObjectPartsPage() {
        String id = s3.createMultipartUpload(b -> b.bucket("attrs").key("mp")).uploadId();
        CompletedPart p1 = part(id, 1, new byte[5 << 20]);
        CompletedPart p2 = part(id, 2, new byte[5 << 20]);
        CompletedPart p3 = part(id, 3, new byte[7]);
        s3.completeMultipartUpload(b -> b.bucket("attrs").key("mp").uploadId(id)
                .multipartUpload(m -> m.parts(List.of(p1, p2, p3))));
        GetObjectAttributesResponse r = s3.getObjectAttributes(b -> b.bucket("attrs").key("mp")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).maxParts(2));
        assertThat(r.objectParts().totalPartsCount()).isEqualTo(3);
        assertThat(r.objectParts().isTruncated()).isTrue();
        assertThat(r.objectParts().parts()).hasSize(2);
        GetObjectAttributesResponse rest = s3.getObjectAttributes(b -> b.bucket("attrs").key("mp")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).partNumberMarker(2));
        assertThat(rest.objectParts().parts()).singleElement().satisfies(p -> {
            assertThat(p.partNumber()).isEqualTo(3);
            assertThat(p.size()).isEqualTo(7L);
        });
        assertThat(rest.objectParts().isTruncated()).isFalse();
    }

    private static CompletedPart part(String id, int n, byte[] data) {
        String etag = s3.uploadPart(b -> b.bucket("attrs").key("mp").uploadId(id).partNumber(n),
                RequestBody.fromBytes(data)).eTag();
        return CompletedPart.builder().partNumber(n).eTag(etag).build();
    }

    @Test
    void missingKeyAndNoAttributes() throws Exception {
        assertThatThrownBy(() -> s3.getObjectAttributes(b -> b.bucket("attrs").key("absent")
                .objectAttributes(ObjectAttributes.E_TAG)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        RawHttp.Response none = new RawHttp(node.port()).signed("GET", "/attrs/one", "attributes=", null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo("InvalidArgument");
    }
}
