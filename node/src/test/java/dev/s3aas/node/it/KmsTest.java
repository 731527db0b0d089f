package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** SSE-KMS with the node's key ring: keys through the admin API, objects through the AWS SDK. */
class KmsTest extends NodeTestBase {
    static RawHttp raw;

    @BeforeAll
    static void setUp() throws Exception {
        raw = new RawHttp(node.port());
        s3.createBucket(b -> b.bucket("kms"));
        RawHttp.Response created = admin("POST", "kms/key/create", "key-id=app-key");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.text()).contains("\"name\":\"app-key\"");
    }

    static RawHttp.Response admin(String method, String command, String query) throws Exception {
        return raw.signed(method, "/minio/admin/v3/" + command, query, null);
    }

    @Test
    void keysAreManagedThroughTheAdminApi() throws Exception {
        assertThat(admin("POST", "kms/key/create", "key-id=app-key").status()).isEqualTo(409);
        assertThat(admin("POST", "kms/key/create", "key-id=bad%20id").status()).isEqualTo(400);
        assertThat(admin("GET", "kms/key/list", null).text()).contains("\"name\":\"app-key\"");
        assertThat(admin("GET", "kms/key/status", "key-id=app-key").status()).isEqualTo(200);
        assertThat(admin("GET", "kms/key/status", "key-id=nope").status()).isEqualTo(404);
    }

    @Test
    void objectsEncryptedWithANamedKey() {
        PutObjectResponse put = s3.putObject(b -> b.bucket("kms").key("doc").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("app-key").bucketKeyEnabled(true), RequestBody.fromString("kms protected"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo("app-key");
        HeadObjectResponse head = s3.headObject(b -> b.bucket("kms").key("doc"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo("app-key");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("kms").key("doc")).asUtf8String()).isEqualTo("kms protected");
        // A key ARN names the same key.
        s3.putObject(b -> b.bucket("kms").key("by-arn").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("arn:aws:kms:us-east-1:000000000000:key/app-key"), RequestBody.fromString("arn"));
        assertThat(s3.headObject(b -> b.bucket("kms").key("by-arn")).ssekmsKeyId()).isEqualTo("app-key");
    }

    @Test
    void unknownOrMissingKeysAreRefused() {
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("kms").key("x").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("no-such-key"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMS.NotFoundException");
                });
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("kms").key("x").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("kms").key("x"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void bucketDefaultMultipartCopyAndRotation() throws Exception {
        s3.createBucket(b -> b.bucket("kms-default"));
        assertThatThrownBy(() -> s3.putBucketEncryption(b -> b.bucket("kms-default").serverSideEncryptionConfiguration(c -> c
                .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID("missing"))))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMS.NotFoundException"));
        assertThat(admin("POST", "kms/key/create", "key-id=bucket-key").status()).isEqualTo(200);
        s3.putBucketEncryption(b -> b.bucket("kms-default").serverSideEncryptionConfiguration(c -> c
                .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID("bucket-key")))));
        var rule = s3.getBucketEncryption(b -> b.bucket("kms-default")).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault();
        assertThat(rule.kmsMasterKeyID()).isEqualTo("bucket-key");

        s3.putObject(b -> b.bucket("kms-default").key("before"), RequestBody.fromString("old version of the key"));
        assertThat(s3.headObject(b -> b.bucket("kms-default").key("before")).ssekmsKeyId()).isEqualTo("bucket-key");
        // aws:kms without a key id takes the bucket's default key.
        s3.putObject(b -> b.bucket("kms-default").key("asked").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("y"));
        assertThat(s3.headObject(b -> b.bucket("kms-default").key("asked")).ssekmsKeyId()).isEqualTo("bucket-key");

        RawHttp.Response rotated = admin("POST", "kms/key/rotate", "key-id=bucket-key");
        assertThat(rotated.text()).contains("\"versions\":2");
        s3.putObject(b -> b.bucket("kms-default").key("after"), RequestBody.fromString("new version of the key"));

        String id = s3.createMultipartUpload(b -> b.bucket("kms-default").key("mp")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("kms-default").key("mp").uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[5 << 20])).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("kms-default").key("mp").uploadId(id).partNumber(2),
                RequestBody.fromString("end")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("kms-default").key("mp").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        s3.copyObject(b -> b.sourceBucket("kms-default").sourceKey("before").destinationBucket("kms").destinationKey("copied")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("app-key"));

        // After a restart the key ring is still there and every version of it still opens its objects.
        node.close();
        node = new TestNode(dir);
        s3 = node.client();
        raw = new RawHttp(node.port());
        assertThat(s3.getObjectAsBytes(b -> b.bucket("kms-default").key("before")).asUtf8String())
                .isEqualTo("old version of the key");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("kms-default").key("after")).asUtf8String())
                .isEqualTo("new version of the key");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("kms-default").key("mp")).asByteArray()).hasSize((5 << 20) + 3);
        assertThat(s3.headObject(b -> b.bucket("kms-default").key("mp")).ssekmsKeyId()).isEqualTo("bucket-key");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("kms").key("copied")).asUtf8String())
                .isEqualTo("old version of the key");
        assertThat(s3.headObject(b -> b.bucket("kms").key("copied")).ssekmsKeyId()).isEqualTo("app-key");
    }
}
