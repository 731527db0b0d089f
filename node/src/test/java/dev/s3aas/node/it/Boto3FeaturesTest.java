package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * CORS, website, ranged reads of checksummed objects, retried completions, SSE-C and SSE-KMS through boto3: Debian's 1.26 and a
 * modern one (which validates response checksums, so a ranged read with the whole object's checksum fails).
 */
class Boto3FeaturesTest extends NodeTestBase {
    @org.junit.jupiter.api.BeforeAll
    static void kmsKey() throws Exception {
        RawHttp.Response r = new RawHttp(node.port()).signed("POST", "/minio/admin/v3/kms/key/create", "key-id=py-key",
                null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    static String run(String python, String bucket) throws Exception {
        return Pythons.runScript(python, "s3_features.py", node, bucket);
    }

    @Test
    void debianBoto3() throws Exception {
        assertThat(Path.of(Pythons.DEBIAN)).exists();
        assertThat(run(Pythons.DEBIAN, "features-old")).contains("features ok");
    }

    @Test
    void modernBoto3() throws Exception {
        String python = Pythons.modern();
        Assumptions.assumeTrue(python != null, "no modern boto3 on this machine");
        assertThat(run(python, "features-new")).contains("features ok");
    }
}
