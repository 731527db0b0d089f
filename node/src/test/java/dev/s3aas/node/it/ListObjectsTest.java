package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class ListObjectsTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static S3Client s3;
    static final List<String> KEYS = List.of(
            "a", "a/b", "a/b/c", "a/c", "a+b", "a b", "b/1", "b/2", "b/3/x", "c", "photos/2024/jan/1.jpg",
            "photos/2024/feb/2.jpg", "photos/2025/mar/3.jpg", "z\uFFFDmax", "z\uD83D\uDE00emoji", "zé", "Z-upper",
            "~tilde");

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        s3 = node.client();
        s3.createBucket(b -> b.bucket("lists"));
        for (String k : KEYS) {
            s3.putObject(b -> b.bucket("lists").key(k), RequestBody.fromString(k));
        }
        s3.createBucket(b -> b.bucket("many"));
        for (int i = 0; i < 250; i++) {
            String k = String.format("item-%04d", i);
            s3.putObject(b -> b.bucket("many").key(k), RequestBody.fromString(k));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    /** S3 lists in UTF-8 binary order (not UTF-16 order: a surrogate pair sorts after U+FFFD in UTF-8). */
    static List<String> utf8Sorted(List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing((String s) -> s.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        return sorted;
    }

    @Test
    void listsEverythingInUtf8BinaryOrder() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("lists"));
        assertThat(r.contents()).extracting(S3Object::key).containsExactlyElementsOf(utf8Sorted(KEYS));
        assertThat(r.keyCount()).isEqualTo(KEYS.size());
        assertThat(r.isTruncated()).isFalse();
        S3Object first = r.contents().get(0);
        assertThat(first.size()).isEqualTo(first.key().getBytes(StandardCharsets.UTF_8).length);
        assertThat(first.eTag()).startsWith("\"").endsWith("\"");
        assertThat(first.owner()).isNull();
    }

    @Test
    void prefixAndDelimiter() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("lists").delimiter("/"));
        assertThat(r.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/", "photos/");
        assertThat(r.contents()).extracting(S3Object::key).doesNotContain("a/b", "b/1").contains("a", "c");
        ListObjectsV2Response photos = s3.listObjectsV2(b -> b.bucket("lists").prefix("photos/").delimiter("/"));
        assertThat(photos.commonPrefixes()).extracting(CommonPrefix::prefix)
                .containsExactly("photos/2024/", "photos/2025/");
        assertThat(photos.contents()).isEmpty();
        ListObjectsV2Response deep = s3.listObjectsV2(b -> b.bucket("lists").prefix("photos/2024/"));
        assertThat(deep.contents()).extracting(S3Object::key)
                .containsExactly("photos/2024/feb/2.jpg", "photos/2024/jan/1.jpg");
    }

    @Test
    void multiCharacterDelimiter() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("lists").prefix("photos").delimiter("/20"));
        assertThat(r.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/20");
    }

    @Test
    void v2PaginatesWithContinuationTokensCountingPrefixes() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("lists").delimiter("/").maxKeys(2)
                    .continuationToken(t));
            r.contents().forEach(o -> seen.add(o.key()));
            r.commonPrefixes().forEach(p -> seen.add(p.prefix()));
            assertThat(r.keyCount()).isLessThanOrEqualTo(2);
            token = r.nextContinuationToken();
            pages++;
            assertThat(r.isTruncated()).isEqualTo(token != null);
        } while (token != null);
        ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket("lists").delimiter("/"));
        List<String> expected = new ArrayList<>();
        all.contents().forEach(o -> expected.add(o.key()));
        all.commonPrefixes().forEach(p -> expected.add(p.prefix()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isGreaterThan(3);
    }

    @Test
    void v2StartAfterAndMaxKeys() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("many").startAfter("item-0100").maxKeys(5));
        assertThat(r.contents()).extracting(S3Object::key)
                .containsExactly("item-0101", "item-0102", "item-0103", "item-0104", "item-0105");
        assertThat(r.isTruncated()).isTrue();
        ListObjectsV2Response zero = s3.listObjectsV2(b -> b.bucket("many").maxKeys(0));
        assertThat(zero.contents()).isEmpty();
        ListObjectsV2Response capped = s3.listObjectsV2(b -> b.bucket("many").maxKeys(5000));
        assertThat(capped.contents()).hasSize(250);
        assertThat(capped.maxKeys()).isEqualTo(1000);
    }

    @Test
    void v1MarkerPagination() {
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListObjectsResponse r = s3.listObjects(b -> b.bucket("many").maxKeys(100).marker(m));
            r.contents().forEach(o -> seen.add(o.key()));
            assertThat(r.contents()).allSatisfy(o -> assertThat(o.owner()).isNotNull());
            assertThat(r.nextMarker()).isNull();
            marker = r.isTruncated() ? r.contents().get(r.contents().size() - 1).key() : null;
        } while (marker != null);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void v1NextMarkerWithDelimiter() {
        ListObjectsResponse r = s3.listObjects(b -> b.bucket("lists").delimiter("/").maxKeys(3));
        assertThat(r.isTruncated()).isTrue();
        assertThat(r.nextMarker()).isNotNull();
        ListObjectsResponse next = s3.listObjects(b -> b.bucket("lists").delimiter("/").marker(r.nextMarker()));
        assertThat(next.contents()).extracting(S3Object::key).doesNotContain("a");
    }

    @Test
    void urlEncodingTypeRoundTripsOddKeys() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("lists").encodingType(EncodingType.URL));
        // The SDK decodes url-encoded keys for us; they must come back exactly.
        assertThat(r.contents()).extracting(S3Object::key).containsExactlyElementsOf(utf8Sorted(KEYS));
    }

    @Test
    void fetchOwner() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket("lists").fetchOwner(true).maxKeys(1));
        assertThat(r.contents().get(0).owner().id()).isEqualTo(TestNode.ACCESS_KEY);
    }

    @Test
    void badParametersAreInvalidArgument() {
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("lists").continuationToken("%%%not-base64")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    }
}
