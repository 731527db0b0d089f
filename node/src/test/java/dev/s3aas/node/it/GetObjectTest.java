package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class GetObjectTest extends NodeTestBase {
    static final byte[] SMALL = PutObjectTest.random(1000, 1);
    static final byte[] LARGE = PutObjectTest.random(700_000, 2);
    static String smallEtag;

    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("gets"));
        smallEtag = s3.putObject(b -> b.bucket("gets").key("small"), RequestBody.fromBytes(SMALL)).eTag();
        s3.putObject(b -> b.bucket("gets").key("large"), RequestBody.fromBytes(LARGE));
        s3.putObject(b -> b.bucket("gets").key("empty"), RequestBody.empty());
    }

    @ParameterizedTest
    @CsvSource({
        "small, bytes=0-9, 0, 9",
        "small, bytes=10-, 10, 999",
        "small, bytes=-100, 900, 999",
        "small, bytes=990-5000, 990, 999",
        "small, bytes=-5000, 0, 999",
        "large, bytes=131000-131100, 131000, 131100",
        "large, bytes=-1, 699999, 699999",
        "large, bytes=500000-, 500000, 699999"})
    void rangesServePartialContent(String key, String range, int first, int last) {
        byte[] whole = key.equals("small") ? SMALL : LARGE;
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket("gets").key(key).range(range));
        assertThat(r.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(r.response().contentRange()).isEqualTo("bytes " + first + "-" + last + "/" + whole.length);
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(whole, first, last + 1));
    }

    @Test
    void unsatisfiableRangeIs416() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("gets").key("small").range("bytes=1000-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("gets").key("empty").range("bytes=0-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
    }

    @Test
    void invalidRangeSyntaxServesWholeObject() {
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket("gets").key("small").range("bytes=abc"));
        assertThat(r.response().sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(r.asByteArray()).isEqualTo(SMALL);
    }

    @Test
    void emptyObject() {
        assertThat(s3.getObjectAsBytes(b -> b.bucket("gets").key("empty")).asByteArray()).isEmpty();
    }

    @Test
    void ifMatchAndIfNoneMatch() {
        assertThat(s3.getObjectAsBytes(b -> b.bucket("gets").key("small").ifMatch(smallEtag)).asByteArray())
                .isEqualTo(SMALL);
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("small").ifMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("small").ifNoneMatch(smallEtag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("gets").key("small").ifNoneMatch("\"other\"")).asByteArray())
                .isEqualTo(SMALL);
    }

    @Test
    void modifiedSinceConditions() {
        Instant past = Instant.now().minusSeconds(3600);
        Instant future = Instant.now().plusSeconds(3600);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("gets").key("small").ifModifiedSince(past)).asByteArray())
                .isEqualTo(SMALL);
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("small").ifModifiedSince(future)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("small").ifUnmodifiedSince(past)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        // S3: If-Match true and If-Unmodified-Since false → 200.
        assertThat(s3.getObjectAsBytes(b -> b.bucket("gets").key("small").ifMatch(smallEtag).ifUnmodifiedSince(past))
                .asByteArray()).isEqualTo(SMALL);
        // S3: If-None-Match false and If-Modified-Since true → 304.
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("small").ifNoneMatch(smallEtag)
                .ifModifiedSince(past)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
    }

    @Test
    void responseHeaderOverrides() {
        GetObjectResponse r = s3.getObjectAsBytes(b -> b.bucket("gets").key("small")
                .responseContentType("application/x-custom")
                .responseContentDisposition("attachment; filename=x.bin")
                .responseCacheControl("no-cache")
                .responseContentLanguage("de")
                .responseContentEncoding("gzip")
                .responseExpires(Instant.parse("2030-01-01T00:00:00Z"))).response();
        assertThat(r.contentType()).isEqualTo("application/x-custom");
        assertThat(r.contentDisposition()).isEqualTo("attachment; filename=x.bin");
        assertThat(r.cacheControl()).isEqualTo("no-cache");
        assertThat(r.contentLanguage()).isEqualTo("de");
        assertThat(r.contentEncoding()).isEqualTo("gzip");
        assertThat(r.expires()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void headObjectAndMissingKeys() {
        assertThat(s3.headObject(b -> b.bucket("gets").key("large")).contentLength()).isEqualTo(LARGE.length);
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("gets").key("missing")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void deleteObjectIsIdempotent() {
        s3.putObject(b -> b.bucket("gets").key("doomed"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("gets").key("doomed"));
        s3.deleteObject(b -> b.bucket("gets").key("doomed"));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("gets").key("doomed")))
                .isInstanceOf(NoSuchKeyException.class);
    }
}
