package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.mfa.Base32;
import dev.s3aas.common.mfa.Totp;
import dev.s3aas.node.auth.MfaDevice;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.MFADeleteStatus;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** MFA delete through the AWS SDK v2 against a real node whose root has a virtual MFA device. */
class MfaDeleteTest {
    private static final String SERIAL = "arn:aws:iam::000000000000:mfa/root-account-mfa-device";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path dir;

    private static String mfa() {
        return SERIAL + " " + Totp.code(Base32.decode(SECRET), Instant.now());
    }

    private static String wrongCode() {
        String right = Totp.code(Base32.decode(SECRET), Instant.now());
        // Differs from every code accepted now (the neighbouring steps' too).
        for (int i = 0; ; i++) {
            String c = String.format("%06d", i);
            if (Totp.matchingStep(Base32.decode(SECRET), c, Instant.now()) < 0 && !c.equals(right)) {
                return SERIAL + " " + c;
            }
        }
    }

    private static TestNode node(Path dir) throws Exception {
        return new TestNode(dir, MfaDevice.ofBase32(SERIAL, SECRET));
    }

    private static void enable(S3Client s3, String bucket, String mfa) {
        s3.putBucketVersioning(b -> b.bucket(bucket).mfa(mfa).versioningConfiguration(
                v -> v.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.ENABLED)));
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    @Test
    void enablingNeedsAValidCodeOfTheRootDevice() throws Exception {
        try (TestNode node = node(dir); S3Client s3 = node.client()) {
            s3.createBucket(b -> b.bucket("guarded"));
            assertThat(code(() -> s3.putBucketVersioning(b -> b.bucket("guarded").versioningConfiguration(
                    v -> v.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.ENABLED)))))
                    .isEqualTo("AccessDenied: Mfa Authentication must be used for this request");
            assertThat(code(() -> enable(s3, "guarded", wrongCode()))).startsWith("AccessDenied");
            assertThat(code(() -> enable(s3, "guarded", "arn:other " + mfa().split(" ")[1]))).startsWith("AccessDenied");
            assertThat(code(() -> s3.putBucketVersioning(b -> b.bucket("guarded").mfa(mfa()).versioningConfiguration(
                    v -> v.status(BucketVersioningStatus.SUSPENDED).mfaDelete(MFADelete.ENABLED)))))
                    .startsWith("InvalidArgument");
            assertThat(s3.getBucketVersioning(b -> b.bucket("guarded")).mfaDelete()).isNull();

            enable(s3, "guarded", mfa());

            GetBucketVersioningResponse v = s3.getBucketVersioning(b -> b.bucket("guarded"));
            assertThat(v.status()).isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(v.mfaDelete()).isEqualTo(MFADeleteStatus.ENABLED);
        }
    }

    @Test
    void versionDeletesNeedMfaAndDeleteMarkersDoNot() throws Exception {
        try (TestNode node = node(dir); S3Client s3 = node.client()) {
            s3.createBucket(b -> b.bucket("vault"));
            enable(s3, "vault", mfa());
            String v1 = s3.putObject(b -> b.bucket("vault").key("k"), RequestBody.fromString("one")).versionId();
            String v2 = s3.putObject(b -> b.bucket("vault").key("k"), RequestBody.fromString("two")).versionId();

            String marker = s3.deleteObject(b -> b.bucket("vault").key("k")).versionId();
            assertThat(marker).as("a plain delete adds a delete marker without MFA").isNotNull();

            assertThat(code(() -> s3.deleteObject(b -> b.bucket("vault").key("k").versionId(v1))))
                    .isEqualTo("AccessDenied: Mfa Authentication must be used for this request");
            assertThat(code(() -> s3.deleteObject(b -> b.bucket("vault").key("k").versionId(marker))))
                    .startsWith("AccessDenied");
            assertThat(code(() -> s3.deleteObject(b -> b.bucket("vault").key("k").versionId(v1).mfa(wrongCode()))))
                    .startsWith("AccessDenied");
            assertThat(code(() -> s3.deleteObjects(b -> b.bucket("vault").delete(d -> d.objects(
                    ObjectIdentifier.builder().key("k").versionId(v1).build())))))
                    .isEqualTo("AccessDenied: Mfa Authentication must be used for this request");
            assertThat(s3.listObjectVersions(b -> b.bucket("vault")).versions()).hasSize(2);

            s3.deleteObject(b -> b.bucket("vault").key("k").versionId(marker).mfa(mfa()));
            s3.deleteObject(b -> b.bucket("vault").key("k").versionId(v1).mfa(mfa()));
            DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("vault").mfa(mfa()).delete(d -> d.objects(
                    ObjectIdentifier.builder().key("k").versionId(v2).build())));
            assertThat(r.errors()).isEmpty();
            assertThat(s3.listObjectVersions(b -> b.bucket("vault")).versions()).isEmpty();
            // Keys without version ids only add delete markers: no MFA.
            assertThat(s3.deleteObjects(b -> b.bucket("vault").delete(d -> d.objects(
                    ObjectIdentifier.builder().key("other").build()))).errors()).isEmpty();
        }
    }

    @Test
    void suspendingAndDisablingNeedMfaAndOnlyRootMayDoIt() throws Exception {
        try (TestNode node = node(dir); S3Client s3 = node.client()) {
            s3.createBucket(b -> b.bucket("locked-in"));
            enable(s3, "locked-in", mfa());
            MinioAdminClient admin = IamClients.admin(node);
            admin.addUser("mfa-user", UserInfo.Status.ENABLED, "mfa-user-secret", null, null);
            admin.setPolicy("mfa-user", false, "readwrite");

            assertThat(code(() -> s3.putBucketVersioning(b -> b.bucket("locked-in").versioningConfiguration(
                    v -> v.status(BucketVersioningStatus.SUSPENDED))))).startsWith("AccessDenied");
            try (S3Client user = node.client("mfa-user", "mfa-user-secret")) {
                assertThat(code(() -> user.putBucketVersioning(b -> b.bucket("locked-in").mfa(mfa())
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)
                                .mfaDelete(MFADelete.DISABLED))))).startsWith("AccessDenied");
                // Deleting a version is the user's own permission plus the device's code (see MfaCheck).
                String v = user.putObject(b -> b.bucket("locked-in").key("u"), RequestBody.fromString("x")).versionId();
                assertThat(code(() -> user.deleteObject(b -> b.bucket("locked-in").key("u").versionId(v))))
                        .startsWith("AccessDenied");
                user.deleteObject(b -> b.bucket("locked-in").key("u").versionId(v).mfa(mfa()));
            }

            s3.putBucketVersioning(b -> b.bucket("locked-in").mfa(mfa()).versioningConfiguration(
                    v -> v.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.DISABLED)));
            GetBucketVersioningResponse v = s3.getBucketVersioning(b -> b.bucket("locked-in"));
            assertThat(v.mfaDelete()).isEqualTo(MFADeleteStatus.DISABLED);
            String id = s3.putObject(b -> b.bucket("locked-in").key("k"), RequestBody.fromString("x")).versionId();
            s3.deleteObject(b -> b.bucket("locked-in").key("k").versionId(id));
            s3.putBucketVersioning(b -> b.bucket("locked-in").versioningConfiguration(
                    c -> c.status(BucketVersioningStatus.SUSPENDED)));
            assertThat(s3.getBucketVersioning(b -> b.bucket("locked-in")).status())
                    .isEqualTo(BucketVersioningStatus.SUSPENDED);
        }
    }

    @Test
    void persistsAcrossRestart() throws Exception {
        try (TestNode node = node(dir); S3Client s3 = node.client()) {
            s3.createBucket(b -> b.bucket("durable"));
            enable(s3, "durable", mfa());
            s3.putObject(b -> b.bucket("durable").key("k"), RequestBody.fromString("x"));
        }
        try (TestNode node = node(dir); S3Client s3 = node.client()) {
            assertThat(s3.getBucketVersioning(b -> b.bucket("durable")).mfaDelete()).isEqualTo(MFADeleteStatus.ENABLED);
            String v = s3.listObjectVersions(b -> b.bucket("durable")).versions().get(0).versionId();
            assertThat(code(() -> s3.deleteObject(b -> b.bucket("durable").key("k").versionId(v))))
                    .startsWith("AccessDenied");
        }
    }

    @Test
    void withoutADeviceEnablingIsRefusedClearly() throws Exception {
        try (TestNode node = new TestNode(dir); S3Client s3 = node.client()) {
            s3.createBucket(b -> b.bucket("plain"));
            assertThat(code(() -> enable(s3, "plain", mfa())))
                    .startsWith("InvalidRequest: MFA delete needs the root account's MFA device");
            // Versioning alone, and an explicit Disabled, still work.
            s3.putBucketVersioning(b -> b.bucket("plain").versioningConfiguration(
                    v -> v.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.DISABLED)));
            assertThat(s3.getBucketVersioning(b -> b.bucket("plain")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(s3.getBucketVersioning(b -> b.bucket("plain")).mfaDeleteAsString())
                    .as("Disabled on a bucket that never had MFA delete changes nothing").isNull();
        }
    }
}
