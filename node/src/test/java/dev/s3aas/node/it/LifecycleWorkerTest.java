package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.MinioAdminClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The lifecycle worker of a real node carrying out rules, with the node's data clock moved forward instead of
 * waiting days. Every check waits for the condition with a bound. A check that something did <em>not</em>
 * happen first waits for two passes that saw the current clock ({@link #awaitPass}): a "canary" object under a
 * rule that is always due is put and waited for, twice, so the second canary's pass began after the clock moved.
 */
class LifecycleWorkerTest {
    @TempDir
    static Path dir;
    static final OffsetClock clock = new OffsetClock();
    static TestNode node;
    static S3Client s3;
    static final AtomicInteger canaries = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, null, clock, Duration.ofMillis(100));
        s3 = node.client();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static LifecycleRule.Builder rule(String id, String prefix) {
        return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED).filter(f -> f.prefix(prefix));
    }

    /** Expires everything under "~canary/" (after every other key) at once: a Date long past. */
    static LifecycleRule canaryRule() {
        return rule("canary", "~canary/").expiration(e -> e.date(Instant.parse("2000-01-01T00:00:00Z"))).build();
    }

    static void rules(String bucket, LifecycleRule... rules) {
        List<LifecycleRule> all = new ArrayList<>(List.of(rules));
        all.add(canaryRule());
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(all)));
    }

    static void bucket(String name, boolean versioned) {
        s3.createBucket(b -> b.bucket(name));
        if (versioned) {
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
    }

    static String put(String bucket, String key, String body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    }

    static boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Version ids of {@code key}, newest first, delete markers included. */
    static List<String> versions(String bucket, String key) {
        var r = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key));
        List<String> ids = new ArrayList<>();
        r.versions().stream().filter(v -> v.key().equals(key)).map(ObjectVersion::versionId).forEach(ids::add);
        r.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> ids.add(0, m.versionId()));
        return ids;
    }

    static void awaitPass(String bucket) throws Exception {
        for (int i = 0; i < 2; i++) {
            String key = "~canary/" + canaries.incrementAndGet();
            put(bucket, key, "c");
            Poll.until("a lifecycle pass expired " + key, () -> !exists(bucket, key));
        }
    }

    static long usage(String bucket) throws Exception {
        MinioAdminClient admin = IamClients.admin(node);
        return admin.getDataUsageInfo().bucketsSizes().getOrDefault(bucket, 0L);
    }

    @Test
    void currentVersionsOfAnUnversionedBucketAreDeletedWhenTheirDaysHavePassed() throws Exception {
        bucket("expire-plain", false);
        rules("expire-plain", rule("logs", "logs/").expiration(e -> e.days(1)).build(),
                rule("paused", "paused/").status(ExpirationStatus.DISABLED).expiration(e -> e.days(1)).build(),
                rule("big", "").filter(f -> f.and(a -> a.prefix("sized/").objectSizeGreaterThan(5L)))
                        .expiration(e -> e.days(1)).build(),
                rule("tagged", "").filter(f -> f.tag(Tag.builder().key("env").value("tmp").build()))
                        .expiration(e -> e.days(1)).build());
        put("expire-plain", "logs/a", "aaaa");
        put("expire-plain", "keep/b", "bb");
        put("expire-plain", "paused/c", "c");
        put("expire-plain", "sized/small", "abc");
        put("expire-plain", "sized/big", "0123456789");
        s3.putObject(b -> b.bucket("expire-plain").key("tagged/yes").tagging("env=tmp"), RequestBody.fromString("t"));
        s3.putObject(b -> b.bucket("expire-plain").key("tagged/no").tagging("env=prod"), RequestBody.fromString("t"));
        awaitPass("expire-plain");
        assertThat(exists("expire-plain", "logs/a")).as("one day has not passed yet").isTrue();

        clock.advance(Duration.ofDays(2));
        Poll.until("logs/a expired", () -> !exists("expire-plain", "logs/a"));
        Poll.until("sized/big expired", () -> !exists("expire-plain", "sized/big"));
        Poll.until("tagged/yes expired", () -> !exists("expire-plain", "tagged/yes"));
        awaitPass("expire-plain");
        assertThat(exists("expire-plain", "keep/b")).isTrue();
        assertThat(exists("expire-plain", "paused/c")).as("a Disabled rule does nothing").isTrue();
        assertThat(exists("expire-plain", "sized/small")).isTrue();
        assertThat(exists("expire-plain", "tagged/no")).isTrue();
        // Deleted through the store's delete path: usage is what is left (keep/b, paused/c, sized/small, tagged/no).
        assertThat(usage("expire-plain")).isEqualTo(2 + 1 + 3 + 1);
    }

    @Test
    void inAVersionedBucketExpirationAddsADeleteMarker() throws Exception {
        bucket("expire-versioned", true);
        rules("expire-versioned", rule("all", "k").expiration(e -> e.days(1)).build());
        String v1 = put("expire-versioned", "k", "data");
        clock.advance(Duration.ofDays(2));
        Poll.until("k expired", () -> !exists("expire-versioned", "k"));
        var listed = s3.listObjectVersions(b -> b.bucket("expire-versioned").prefix("k"));
        assertThat(listed.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.isLatest()).isTrue());
        assertThat(listed.versions()).singleElement().satisfies(v -> {
            assertThat(v.versionId()).isEqualTo(v1);
            assertThat(v.isLatest()).isFalse();
        });
        assertThat(s3.getObjectAsBytes(b -> b.bucket("expire-versioned").key("k").versionId(v1)).asUtf8String())
                .isEqualTo("data");
    }

    @Test
    void noncurrentDaysCountFromWhenTheVersionBecameNoncurrent() throws Exception {
        bucket("noncurrent", true);
        rules("noncurrent", rule("old-versions", "").noncurrentVersionExpiration(n -> n.noncurrentDays(3)).build());
        String o1 = put("noncurrent", "old", "one");
        clock.advance(Duration.ofDays(10));
        String o2 = put("noncurrent", "old", "two");
        awaitPass("noncurrent");
        assertThat(versions("noncurrent", "old")).as("created 10 days ago, but noncurrent only since now")
                .containsExactly(o2, o1);

        clock.advance(Duration.ofDays(4));
        Poll.until("o1 removed", () -> versions("noncurrent", "old").equals(List.of(o2)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("noncurrent").key("old")).asUtf8String()).isEqualTo("two");
    }

    @Test
    void newerNoncurrentVersionsAreKept() throws Exception {
        bucket("newer", true);
        rules("newer", rule("keep-two", "k").noncurrentVersionExpiration(n -> n.noncurrentDays(1)
                .newerNoncurrentVersions(2)).build());
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(0, put("newer", "k", "v" + i));
        }
        clock.advance(Duration.ofDays(3));
        Poll.until("all but the two newest noncurrent versions removed",
                () -> versions("newer", "k").equals(ids.subList(0, 3)));
        awaitPass("newer");
        assertThat(versions("newer", "k")).containsExactlyElementsOf(ids.subList(0, 3));
    }

    @Test
    void expiredObjectDeleteMarkersAreRemovedOnceAlone() throws Exception {
        bucket("markers", true);
        rules("markers", rule("alone", "m/").expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
                rule("by-age", "d/").expiration(e -> e.days(2)).build());
        String v1 = put("markers", "m/alone", "x");
        s3.deleteObject(b -> b.bucket("markers").key("m/alone"));
        put("markers", "m/with-version", "y");
        s3.deleteObject(b -> b.bucket("markers").key("m/with-version"));
        s3.deleteObject(b -> b.bucket("markers").key("d/old-marker"));
        s3.deleteObject(b -> b.bucket("markers").key("m/alone").versionId(v1));
        Poll.until("the lone delete marker removed", () -> versions("markers", "m/alone").isEmpty());
        awaitPass("markers");
        assertThat(versions("markers", "m/with-version")).as("a marker with a version behind it stays").hasSize(2);
        assertThat(versions("markers", "d/old-marker")).as("younger than its rule's days").hasSize(1);

        clock.advance(Duration.ofDays(3));
        Poll.until("the old lone marker removed by the Days rule", () -> versions("markers", "d/old-marker").isEmpty());
        assertThat(versions("markers", "m/with-version")).hasSize(2);
    }

    @Test
    void incompleteMultipartUploadsAreAborted() throws Exception {
        bucket("uploads", false);
        rules("uploads", rule("abort", "up/").abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build());
        String stale = s3.createMultipartUpload(b -> b.bucket("uploads").key("up/a")).uploadId();
        s3.uploadPart(b -> b.bucket("uploads").key("up/a").uploadId(stale).partNumber(1),
                RequestBody.fromBytes(new byte[4096]));
        String other = s3.createMultipartUpload(b -> b.bucket("uploads").key("keep/b")).uploadId();
        assertThat(usage("uploads")).isEqualTo(4096);
        awaitPass("uploads");
        assertThat(s3.listMultipartUploads(b -> b.bucket("uploads")).uploads()).hasSize(2);

        clock.advance(Duration.ofDays(2));
        Poll.until("up/a aborted", () -> s3.listMultipartUploads(b -> b.bucket("uploads")).uploads().size() == 1);
        assertThat(s3.listMultipartUploads(b -> b.bucket("uploads")).uploads()).singleElement()
                .satisfies(u -> assertThat(u.uploadId()).isEqualTo(other));
        assertThatThrownBy(() -> s3.listParts(b -> b.bucket("uploads").key("up/a").uploadId(stale)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
        assertThat(usage("uploads")).as("the aborted upload's parts are released").isZero();
    }

    /**
     * Object Lock wins: a retained or held noncurrent version is never removed. Expiring a retained current
     * version adds a delete marker, as AWS does (the version itself stays, readable by its id).
     */
    @Test
    void objectLockKeepsRetainedAndHeldVersions() throws Exception {
        s3.createBucket(b -> b.bucket("locked-lc").objectLockEnabledForBucket(true));
        rules("locked-lc", rule("expire", "").expiration(e -> e.days(1))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build());
        Instant until = clock.instant().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String retained = s3.putObject(b -> b.bucket("locked-lc").key("retained").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("r1")).versionId();
        String held = s3.putObject(b -> b.bucket("locked-lc").key("held")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON), RequestBody.fromString("h1")).versionId();
        String free = put("locked-lc", "free", "f1");
        String current = s3.putObject(b -> b.bucket("locked-lc").key("current").objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("c1")).versionId();
        for (String key : List.of("retained", "held", "free")) {
            put("locked-lc", key, key + "2");
        }

        clock.advance(Duration.ofDays(3));
        Poll.until("the unprotected noncurrent version removed", () -> !versions("locked-lc", "free").contains(free));
        Poll.until("the retained current version expired", () -> !exists("locked-lc", "current"));
        clock.advance(Duration.ofDays(3));
        Poll.until("unprotected second versions removed once noncurrent", () ->
                versions("locked-lc", "retained").size() == 2 && versions("locked-lc", "held").size() == 2);
        awaitPass("locked-lc");
        assertThat(versions("locked-lc", "retained")).hasSize(2).endsWith(retained);
        assertThat(versions("locked-lc", "held")).hasSize(2).endsWith(held);
        assertThat(versions("locked-lc", "current")).hasSize(2).endsWith(current);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("locked-lc").key("retained").versionId(retained)).asUtf8String())
                .isEqualTo("r1");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("locked-lc").key("held").versionId(held)).asUtf8String())
                .isEqualTo("h1");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("locked-lc").key("current").versionId(current)).asUtf8String())
                .isEqualTo("c1");
    }

    /** The worker keeps no state: a restarted node finds what is due from the stored data and its clock alone. */
    @Test
    void aRestartedNodeCarriesOn() throws Exception {
        bucket("restart", false);
        rules("restart", rule("soon", "").expiration(e -> e.days(1)).build());
        put("restart", "r", "x");
        node.stop();
        clock.advance(Duration.ofDays(2));
        node.start();
        s3.close();
        s3 = node.client();
        Poll.until("r expired after the restart", () -> !exists("restart", "r"));
    }
}
