package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * put/get/delete_bucket_lifecycle(_configuration) and the Expiration of put/head_object through boto3: Debian's
 * (1.26, sends Content-MD5) and, where present, a modern one (sends a CRC checksum instead).
 */
class Boto3LifecycleTest extends NodeTestBase {
    static void run(String python, String bucket) throws Exception {
        assertThat(Pythons.runScript(python, "lifecycle.py", node, bucket)).contains("lifecycle ok");
    }

    @Test
    void debianBoto3() throws Exception {
        assertThat(Path.of(Pythons.DEBIAN)).as("Debian python3 (apt-get install python3-boto3)").exists();
        run(Pythons.DEBIAN, "lifecycle-debian");
    }

    @Test
    void modernBoto3() throws Exception {
        String python = Pythons.modern();
        Assumptions.assumeTrue(python != null, "no modern boto3 on this machine");
        run(python, "lifecycle-modern");
    }
}
