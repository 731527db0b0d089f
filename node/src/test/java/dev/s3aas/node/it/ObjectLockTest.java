package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ObjectLockTest extends NodeTestBase {
    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("locked").objectLockEnabledForBucket(true));
    }

    static String put(String key) {
        return s3.putObject(b -> b.bucket("locked").key(key), RequestBody.fromString(key)).versionId();
    }

    @Test
    void lockedBucketsAreVersioned() {
        assertThat(s3.getBucketVersioning(b -> b.bucket("locked")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(s3.getObjectLockConfiguration(b -> b.bucket("locked")).objectLockConfiguration().objectLockEnabledAsString())
                .isEqualTo("Enabled");
        assertThatThrownBy(() -> s3.putBucketVersioning(b -> b.bucket("locked")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    }

    @Test
    void complianceRetentionBlocksVersionDeletes() {
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String v = s3.putObject(b -> b.bucket("locked").key("compliance").objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("keep")).versionId();
        HeadObjectResponse h = s3.headObject(b -> b.bucket("locked").key("compliance"));
        assertThat(h.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(h.objectLockRetainUntilDate()).isEqualTo(until);
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("locked").key("compliance").versionId(v)
                .bypassGovernanceRetention(true)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.putObjectRetention(b -> b.bucket("locked").key("compliance").versionId(v)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until.minusSeconds(3600)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        // Extending is allowed; an unversioned delete only adds a delete marker.
        s3.putObjectRetention(b -> b.bucket("locked").key("compliance").versionId(v)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until.plusSeconds(3600))));
        assertThat(s3.deleteObject(b -> b.bucket("locked").key("compliance")).deleteMarker()).isTrue();
        assertThat(s3.getObjectAsBytes(b -> b.bucket("locked").key("compliance").versionId(v)).asUtf8String())
                .isEqualTo("keep");
    }

    @Test
    void governanceCanBeBypassed() {
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS);
        String v = s3.putObject(b -> b.bucket("locked").key("gov").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("x")).versionId();
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("locked").key("gov").versionId(v)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        s3.deleteObject(b -> b.bucket("locked").key("gov").versionId(v).bypassGovernanceRetention(true));
    }

    @Test
    void aRetentionNeedsBothModeAndDate() {
        put("half");
        assertThatThrownBy(() -> s3.putObjectRetention(b -> b.bucket("locked").key("half")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML"));
        assertThatThrownBy(() -> s3.putObjectRetention(b -> b.bucket("locked").key("half")
                .retention(r -> r.retainUntilDate(Instant.now().plus(1, ChronoUnit.DAYS)))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML"));
    }

    @Test
    void legalHold() {
        String v = put("held");
        s3.putObjectLegalHold(b -> b.bucket("locked").key("held").versionId(v)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
        assertThat(s3.getObjectLegalHold(b -> b.bucket("locked").key("held").versionId(v)).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("locked").key("held").versionId(v)
                .bypassGovernanceRetention(true)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        s3.putObjectLegalHold(b -> b.bucket("locked").key("held").versionId(v)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        s3.deleteObject(b -> b.bucket("locked").key("held").versionId(v));
    }

    @Test
    void defaultRetentionAppliesToNewVersions() {
        s3.createBucket(b -> b.bucket("default-locked").objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(b -> b.bucket("default-locked").objectLockConfiguration(c -> c
                .objectLockEnabled("Enabled")
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(2)))));
        assertThat(s3.getObjectLockConfiguration(b -> b.bucket("default-locked")).objectLockConfiguration().rule()
                .defaultRetention().days()).isEqualTo(2);
        s3.putObject(b -> b.bucket("default-locked").key("auto"), RequestBody.fromString("x"));
        var retention = s3.getObjectRetention(b -> b.bucket("default-locked").key("auto")).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        assertThat(retention.retainUntilDate()).isAfter(Instant.now().plus(47, ChronoUnit.HOURS));
    }

    @Test
    void lockHeadersNeedALockedBucket() {
        s3.createBucket(b -> b.bucket("plain-bucket"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("plain-bucket").key("x").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(Instant.now().plusSeconds(600)), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.getObjectLockConfiguration(b -> b.bucket("plain-bucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
