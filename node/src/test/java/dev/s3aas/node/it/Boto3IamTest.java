package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Debian's boto3 with a user key created through the admin API: works inside its policy, denied outside. */
class Boto3IamTest {
    @TempDir
    Path dir;

    @Test
    void boto3UserKeyIsConfinedToItsPolicy() throws Exception {
        assertThat(Path.of("/usr/bin/python3")).as("Debian python3 (apt-get install python3-boto3)").exists();
        try (TestNode node = new TestNode(dir)) {
            node.client().createBucket(b -> b.bucket("py-allowed"));
            node.client().createBucket(b -> b.bucket("py-other"));
            node.client().putObject(b -> b.bucket("py-other").key("seed.txt"), RequestBody.fromString("seed"));
            MinioAdminClient admin = IamClients.admin(node);
            admin.addCannedPolicy("py-policy", """
                    {"Version":"2012-10-17","Statement":[
                     {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::py-allowed"},
                     {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],
                      "Resource":"arn:aws:s3:::py-allowed/*"}]}""");
            admin.addUser("py-user", UserInfo.Status.ENABLED, "py-user-secret", "py-policy", null);

            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "src/test/python/iam_user.py")
                    .redirectErrorStream(true);
            pb.environment().put("S3AAS_ENDPOINT", node.endpoint().toString());
            pb.environment().put("S3AAS_ACCESS_KEY", "py-user");
            pb.environment().put("S3AAS_SECRET_KEY", "py-user-secret");
            pb.environment().put("S3AAS_ALLOWED_BUCKET", "py-allowed");
            pb.environment().put("S3AAS_OTHER_BUCKET", "py-other");
            pb.environment().remove("AWS_PROFILE");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("ok");
        }
    }
}
