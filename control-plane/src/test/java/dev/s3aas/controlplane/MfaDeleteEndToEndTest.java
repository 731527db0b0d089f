package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.mfa.Base32;
import dev.s3aas.common.mfa.Totp;
import dev.s3aas.controlplane.provision.RealNodeMain;
import io.minio.GetBucketVersioningArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MFA delete end to end: the control plane with the local provisioner running a real node process, the REST
 * API, and an S3 client using an access key made through the API and the device GET .../mfa returns.
 */
class MfaDeleteEndToEndTest {
    private static final String BASE = "/v1/types/s3/instances";

    @Test
    void mfaDeleteGuardsVersionsUntilSwitchedOff(@TempDir Path dir) throws Exception {
        ControlPlaneConfig config = Fixture.localNodes(dir, RealNodeMain.class);
        try (ControlPlane cp = ControlPlane.start(config)) {
            Http http = new Http(cp.port());
            String token = http.login("admin", Fixture.ADMIN_PASSWORD);
            Http.Resp created = http.post(BASE, token, Map.of("name", "guarded", "bucket_name", "vault",
                    "versioning", true, "mfa_delete", true));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.text("id");
            String inst = BASE + "/" + id;
            try {
                String endpoint = Converge.await(() -> http.get(inst, token), r -> "ACTIVE".equals(r.text("status"))).text("endpoint");
                Http.Resp device = http.get(inst + "/mfa", token);
                assertThat(device.status()).isEqualTo(200);
                String serial = device.text("serial");
                byte[] secret = Base32.decode(device.text("secret"));

                String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],"
                        + "\"Resource\":[\"arn:aws:s3:::vault\",\"arn:aws:s3:::vault/*\"]}]}";
                assertThat(http.post(inst + "/users", token, Map.of("name", "app")).status()).isEqualTo(201);
                assertThat(http.post(inst + "/policies", token, Map.of("name", "vault-rw",
                        "content", new com.fasterxml.jackson.databind.ObjectMapper().readTree(policy))).status())
                        .isEqualTo(201);
                assertThat(http.post(inst + "/users/app/policies", token, Map.of("policy", "vault-rw")).status())
                        .isEqualTo(201);
                Http.Resp key = http.post(inst + "/users/app/access-keys", token, Map.of());
                MinioClient s3 = MinioClient.builder().endpoint(endpoint).region("us-east-1")
                        .credentials(key.text("access_key"), key.text("secret_key")).build();

                VersioningConfiguration v = Converge.await(() -> s3.getBucketVersioning(
                        GetBucketVersioningArgs.builder().bucket("vault").build()), c -> c.isMfaDeleteEnabled() != null);
                assertThat(v.status()).isEqualTo(VersioningConfiguration.Status.ENABLED);
                assertThat(v.isMfaDeleteEnabled()).isTrue();

                String v1 = put(s3, "k");
                assertThatThrownBy(() -> deleteVersion(s3, v1, null))
                        .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                            assertThat(e.errorResponse().code()).isEqualTo("AccessDenied");
                            assertThat(e.errorResponse().message()).isEqualTo("Mfa Authentication must be used for this request");
                        });
                assertThatThrownBy(() -> deleteVersion(s3, v1, serial + " 000000x"))
                        .isInstanceOf(ErrorResponseException.class);
                deleteVersion(s3, v1, serial + " " + Totp.code(secret, Instant.now()));

                assertThat(http.patch(inst, token, Map.of("mfa_delete", false)).status()).isEqualTo(200);
                Converge.await(() -> s3.getBucketVersioning(GetBucketVersioningArgs.builder().bucket("vault").build()),
                        c -> Boolean.FALSE.equals(c.isMfaDeleteEnabled()));
                String v2 = put(s3, "k");
                deleteVersion(s3, v2, null);
                assertThat(http.get(inst, token).text("status")).isEqualTo("ACTIVE");
            } finally {
                // close() leaves nodes running by design: deleting the instance stops its node process.
                http.delete(inst, token);
                Converge.await(() -> http.get(inst, token), r -> r.status() == 404);
            }
        }
    }

    private static String put(MinioClient s3, String key) throws Exception {
        return s3.putObject(PutObjectArgs.builder().bucket("vault").object(key)
                .stream(new ByteArrayInputStream(new byte[] {1}), 1, -1).build()).versionId();
    }

    private static void deleteVersion(MinioClient s3, String versionId, String mfa) throws Exception {
        RemoveObjectArgs.Builder b = RemoveObjectArgs.builder().bucket("vault").object("k").versionId(versionId);
        if (mfa != null) {
            b.extraHeaders(Map.of("x-amz-mfa", mfa));
        }
        s3.removeObject(b.build());
    }
}
