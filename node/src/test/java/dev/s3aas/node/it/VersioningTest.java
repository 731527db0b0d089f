package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

class VersioningTest extends NodeTestBase {


    static void bucket(String name, BucketVersioningStatus status) {
        s3.createBucket(b -> b.bucket(name));
        if (status != null) {
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(status)));
        }
    }

    static String put(String bucket, String key, String body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    }

    static String get(String bucket, String key, String versionId) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(versionId)).asUtf8String();
    }

    @Test
    void configurationRoundTrip() {
        s3.createBucket(b -> b.bucket("vconf"));
        assertThat(s3.getBucketVersioning(b -> b.bucket("vconf")).status()).isNull();
        s3.putBucketVersioning(b -> b.bucket("vconf").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket("vconf")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        s3.putBucketVersioning(b -> b.bucket("vconf").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket("vconf")).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
    }

    @Test
    void everyWriteKeepsItsVersion() {
        bucket("vkeep", BucketVersioningStatus.ENABLED);
        String v1 = put("vkeep", "doc", "one");
        String v2 = put("vkeep", "doc", "two");
        String v3 = put("vkeep", "doc", "three");
        assertThat(List.of(v1, v2, v3)).doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).hasSize(32));
        assertThat(get("vkeep", "doc", null)).isEqualTo("three");
        assertThat(get("vkeep", "doc", v1)).isEqualTo("one");
        assertThat(get("vkeep", "doc", v2)).isEqualTo("two");
        ListObjectVersionsResponse list = s3.listObjectVersions(b -> b.bucket("vkeep"));
        assertThat(list.versions()).extracting(ObjectVersion::versionId).containsExactly(v3, v2, v1);
        assertThat(list.versions()).extracting(ObjectVersion::isLatest).containsExactly(true, false, false);
        assertThatThrownBy(() -> get("vkeep", "doc", "0000000000000000aaaaaaaaaaaaaaaa"))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion"));
        assertThatThrownBy(() -> get("vkeep", "doc", "not-a-version"))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void deleteAddsAMarkerAndDeletingTheMarkerRestores() {
        bucket("vdel", BucketVersioningStatus.ENABLED);
        String v1 = put("vdel", "k", "data");
        DeleteObjectResponse del = s3.deleteObject(b -> b.bucket("vdel").key("k"));
        assertThat(del.deleteMarker()).isTrue();
        String marker = del.versionId();
        assertThatThrownBy(() -> get("vdel", "k", null)).isInstanceOfSatisfying(NoSuchKeyException.class,
                e -> assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker"))
                        .contains("true"));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("vdel").key("k").versionId(marker)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(405));
        assertThat(s3.listObjectsV2(b -> b.bucket("vdel")).contents()).isEmpty();
        ListObjectVersionsResponse list = s3.listObjectVersions(b -> b.bucket("vdel"));
        assertThat(list.deleteMarkers()).singleElement().satisfies(m -> {
            assertThat(m.versionId()).isEqualTo(marker);
            assertThat(m.isLatest()).isTrue();
        });
        assertThat(list.versions()).extracting(ObjectVersion::versionId).containsExactly(v1);
        s3.deleteObject(b -> b.bucket("vdel").key("k").versionId(marker));
        assertThat(get("vdel", "k", null)).isEqualTo("data");
        s3.deleteObject(b -> b.bucket("vdel").key("k").versionId(v1));
        assertThat(s3.listObjectVersions(b -> b.bucket("vdel")).versions()).isEmpty();
        s3.deleteBucket(b -> b.bucket("vdel"));
    }

    @Test
    void deletingTheCurrentVersionPromotesThePreviousOne() {
        bucket("vpromote", BucketVersioningStatus.ENABLED);
        String v1 = put("vpromote", "k", "first");
        String v2 = put("vpromote", "k", "second");
        s3.deleteObject(b -> b.bucket("vpromote").key("k").versionId(v2));
        assertThat(get("vpromote", "k", null)).isEqualTo("first");
        assertThat(s3.headObject(b -> b.bucket("vpromote").key("k")).versionId()).isEqualTo(v1);
    }

    @Test
    void bucketWithVersionsIsNotEmpty() {
        bucket("vnotempty", BucketVersioningStatus.ENABLED);
        put("vnotempty", "k", "x");
        s3.deleteObject(b -> b.bucket("vnotempty").key("k"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("vnotempty")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
    }

    @Test
    void suspendedVersioningWritesTheNullVersion() {
        bucket("vsusp", BucketVersioningStatus.ENABLED);
        String v1 = put("vsusp", "k", "versioned");
        s3.putBucketVersioning(b -> b.bucket("vsusp").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        put("vsusp", "k", "null-1");
        put("vsusp", "k", "null-2");
        ListObjectVersionsResponse list = s3.listObjectVersions(b -> b.bucket("vsusp"));
        assertThat(list.versions()).extracting(ObjectVersion::versionId).containsExactly("null", v1);
        assertThat(get("vsusp", "k", "null")).isEqualTo("null-2");
        assertThat(get("vsusp", "k", v1)).isEqualTo("versioned");
    }

    @Test
    void paginationWithKeyAndVersionMarkers() {
        bucket("vpage", BucketVersioningStatus.ENABLED);
        List<String> expected = new ArrayList<>();
        for (String key : List.of("a", "b", "c")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(0, key + ":" + put("vpage", key, key + i));
            }
            expected.addAll(ids);
        }
        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        do {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse r = s3.listObjectVersions(b -> b.bucket("vpage").maxKeys(2).keyMarker(km)
                    .versionIdMarker(vm));
            r.versions().forEach(v -> seen.add(v.key() + ":" + v.versionId()));
            keyMarker = r.isTruncated() ? r.nextKeyMarker() : null;
            versionMarker = r.isTruncated() ? r.nextVersionIdMarker() : null;
        } while (keyMarker != null);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void multiDeleteWithVersionIds() {
        bucket("vmulti", BucketVersioningStatus.ENABLED);
        String v1 = put("vmulti", "k", "1");
        put("vmulti", "k", "2");
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("vmulti").delete(d -> d.objects(
                ObjectIdentifier.builder().key("k").versionId(v1).build(),
                ObjectIdentifier.builder().key("k").build())));
        assertThat(r.deleted()).hasSize(2);
        assertThat(r.deleted().get(0).versionId()).isEqualTo(v1);
        assertThat(r.deleted().get(1).deleteMarker()).isTrue();
        assertThat(r.deleted().get(1).deleteMarkerVersionId()).hasSize(32);
    }

    @Test
    void copyFromAnOlderVersion() {
        bucket("vcopy", BucketVersioningStatus.ENABLED);
        String v1 = put("vcopy", "src", "old");
        put("vcopy", "src", "new");
        var r = s3.copyObject(b -> b.sourceBucket("vcopy").sourceKey("src").sourceVersionId(v1)
                .destinationBucket("vcopy").destinationKey("dst"));
        assertThat(r.copySourceVersionId()).isEqualTo(v1);
        assertThat(r.versionId()).hasSize(32);
        assertThat(get("vcopy", "dst", null)).isEqualTo("old");
    }

    @Test
    void copyingAnOlderVersionOntoItsOwnKeyRestoresIt() {
        bucket("vrestore", BucketVersioningStatus.ENABLED);
        String v1 = put("vrestore", "k", "first");
        put("vrestore", "k", "second");
        var r = s3.copyObject(b -> b.sourceBucket("vrestore").sourceKey("k").sourceVersionId(v1)
                .destinationBucket("vrestore").destinationKey("k"));
        assertThat(r.versionId()).hasSize(32).isNotEqualTo(v1);
        assertThat(get("vrestore", "k", null)).isEqualTo("first");
        assertThat(s3.listObjectVersions(b -> b.bucket("vrestore")).versions()).hasSize(3);
    }

    @Test
    void completedMultipartUploadReportsItsVersion() {
        bucket("vmpu", BucketVersioningStatus.ENABLED);
        String first = put("vmpu", "big", "small");
        String id = s3.createMultipartUpload(b -> b.bucket("vmpu").key("big")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket("vmpu").key("big").uploadId(id).partNumber(1),
                RequestBody.fromString("part one")).eTag();
        var done = s3.completeMultipartUpload(b -> b.bucket("vmpu").key("big").uploadId(id)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertThat(done.versionId()).hasSize(32).isNotEqualTo(first);
        assertThat(s3.headObject(b -> b.bucket("vmpu").key("big")).versionId()).isEqualTo(done.versionId());
        assertThat(get("vmpu", "big", first)).isEqualTo("small");
    }

    @Test
    void versionsSurviveRestart() throws Exception {
        bucket("vrestart", BucketVersioningStatus.ENABLED);
        String v1 = put("vrestart", "k", "a");
        put("vrestart", "k", "b");
        node.stop();
        node.start();
        s3 = node.client();
        assertThat(get("vrestart", "k", v1)).isEqualTo("a");
        assertThat(get("vrestart", "k", null)).isEqualTo("b");
    }
}
