package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's boto3 example against a real node, with Debian's boto3 (python3-boto3: older SDK, sends
 * Content-MD5 and signed payloads) and, where present, a modern boto3 (sends CRC trailers over aws-chunked).
 */
class Boto3Test extends NodeTestBase {
    static String run(String python, String bucket) throws Exception {
        return Pythons.runScript(python, "readme_example.py", node, bucket);
    }

    @Test
    void debianBoto3RunsTheReadmeExample() throws Exception {
        assertThat(Path.of(Pythons.DEBIAN)).as("Debian python3 (apt-get install python3-boto3)").exists();
        String out = run(Pythons.DEBIAN, "data-bucket");
        assertThat(out).contains("b'hello'").contains("ok");
    }

    @Test
    void modernBoto3RunsTheReadmeExample() throws Exception {
        String python = Pythons.modern();
        Assumptions.assumeTrue(python != null, "no modern boto3 on this machine");
        String out = run(python, "data-bucket-modern");
        assertThat(out).contains("b'hello'").contains("ok");
    }
}
