package dev.s3aas.node.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** One real node per test class, in a temporary data dir, and an AWS SDK client for it as root. */
abstract class NodeTestBase {
    @TempDir
    static Path dir;
    static TestNode node;
    static S3Client s3;

    @BeforeAll
    static void startNode() throws Exception {
        node = new TestNode(dir);
        s3 = node.client();
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }
}
