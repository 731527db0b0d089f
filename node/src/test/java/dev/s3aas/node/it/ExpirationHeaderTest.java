package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.node.storage.LifecycleConfiguration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code x-amz-expiration} on PutObject, GetObject, HeadObject, CopyObject and CompleteMultipartUpload, as the AWS
 * SDK v2 exposes it ({@code expiration()}): the date S3's day counting gives and the deciding rule's id.
 */
class ExpirationHeaderTest extends NodeTestBase {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @BeforeAll
    static void setUp() {
        s3.createBucket(b -> b.bucket("expiring"));
        s3.putBucketLifecycleConfiguration(b -> b.bucket("expiring").lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("picture-deletion-rule").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("pics/")).expiration(e -> e.days(3)).build(),
                LifecycleRule.builder().id("dated").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("dated/")).expiration(e -> e.date(Instant.parse("2030-01-01T00:00:00Z")))
                        .build(),
                LifecycleRule.builder().id("tmp-tag").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.tag(Tag.builder().key("env").value("tmp").build())).expiration(e -> e.days(1))
                        .build(),
                LifecycleRule.builder().id("paused").status(ExpirationStatus.DISABLED)
                        .filter(f -> f.prefix("paused/")).expiration(e -> e.days(1)).build(),
                LifecycleRule.builder().id("markers").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("other/")).expiration(e -> e.expiredObjectDeleteMarker(true)).build())));
    }

    static String expected(Instant lastModified, int days, String rule) {
        return "expiry-date=\"" + HTTP_DATE.format(LifecycleConfiguration.dueAfter(lastModified, days))
                + "\", rule-id=\"" + rule + "\"";
    }

    @Test
    void putGetAndHeadCarryTheExpiration() {
        String onPut = s3.putObject(b -> b.bucket("expiring").key("pics/a.jpg"), RequestBody.fromString("jpg"))
                .expiration();
        var head = s3.headObject(b -> b.bucket("expiring").key("pics/a.jpg"));
        String want = expected(head.lastModified(), 3, "picture-deletion-rule");
        assertThat(onPut).isEqualTo(want);
        assertThat(head.expiration()).isEqualTo(want);
        assertThat(s3.getObject(b -> b.bucket("expiring").key("pics/a.jpg")).response().expiration()).isEqualTo(want);
        // The documented example's shape, date at midnight UTC.
        assertThat(want).matches("expiry-date=\"\\w{3}, \\d{2} \\w{3} \\d{4} 00:00:00 GMT\", rule-id=\"picture-deletion-rule\"");
    }

    @Test
    void aDateRuleGivesItsDateAndTheEarliestRuleWins() {
        assertThat(s3.putObject(b -> b.bucket("expiring").key("dated/x"), RequestBody.fromString("x")).expiration())
                .isEqualTo("expiry-date=\"Tue, 01 Jan 2030 00:00:00 GMT\", rule-id=\"dated\"");
        s3.putObject(b -> b.bucket("expiring").key("pics/tmp.jpg").tagging("env=tmp"), RequestBody.fromString("t"));
        var head = s3.headObject(b -> b.bucket("expiring").key("pics/tmp.jpg"));
        assertThat(head.expiration()).isEqualTo(expected(head.lastModified(), 1, "tmp-tag"));
    }

    @Test
    void noHeaderWithoutAnEnabledExpirationForTheObject() {
        assertThat(s3.putObject(b -> b.bucket("expiring").key("other/x"), RequestBody.fromString("x")).expiration())
                .isNull();
        assertThat(s3.putObject(b -> b.bucket("expiring").key("paused/x"), RequestBody.fromString("x")).expiration())
                .isNull();
        assertThat(s3.headObject(b -> b.bucket("expiring").key("other/x")).expiration()).isNull();
        s3.createBucket(b -> b.bucket("no-rules"));
        assertThat(s3.putObject(b -> b.bucket("no-rules").key("pics/a"), RequestBody.fromString("x")).expiration())
                .isNull();
    }

    @Test
    void copiesAndCompletedUploadsToo() {
        s3.putObject(b -> b.bucket("expiring").key("other/src"), RequestBody.fromString("src"));
        String copied = s3.copyObject(b -> b.sourceBucket("expiring").sourceKey("other/src")
                .destinationBucket("expiring").destinationKey("pics/copy.jpg")).expiration();
        var head = s3.headObject(b -> b.bucket("expiring").key("pics/copy.jpg"));
        assertThat(copied).isEqualTo(expected(head.lastModified(), 3, "picture-deletion-rule"));

        String upload = s3.createMultipartUpload(b -> b.bucket("expiring").key("pics/big.jpg")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket("expiring").key("pics/big.jpg").uploadId(upload).partNumber(1),
                RequestBody.fromString("part")).eTag();
        String completed = s3.completeMultipartUpload(b -> b.bucket("expiring").key("pics/big.jpg").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))).expiration();
        var big = s3.headObject(b -> b.bucket("expiring").key("pics/big.jpg"));
        assertThat(completed).isEqualTo(expected(big.lastModified(), 3, "picture-deletion-rule"));
    }

    @Test
    void onlyTheCurrentVersionHasAnExpiration() {
        s3.createBucket(b -> b.bucket("expiring-versions"));
        s3.putBucketVersioning(b -> b.bucket("expiring-versions")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketLifecycleConfiguration(b -> b.bucket("expiring-versions").lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("r").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                        .expiration(e -> e.days(10)).build())));
        String v1 = s3.putObject(b -> b.bucket("expiring-versions").key("k"), RequestBody.fromString("1")).versionId();
        assertThat(s3.headObject(b -> b.bucket("expiring-versions").key("k")).expiration()).isNotNull();
        s3.putObject(b -> b.bucket("expiring-versions").key("k"), RequestBody.fromString("2"));
        assertThat(s3.headObject(b -> b.bucket("expiring-versions").key("k").versionId(v1)).expiration()).isNull();
    }
}
