package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops {@code s3aas server} and {@code s3aas node} only after they have closed everything. */
class ShutdownTest {
    @TempDir
    Path work;

    @Test
    void sigtermClosesTheControlPlaneBeforeTheJvmExits() throws Exception {
        ServerProcess server = new ServerProcess(Files.createDirectories(work.resolve("cp")));
        try {
            server.start();
            server.stop();
            assertThat(server.log()).contains("s3aas control plane stopped");
            // The SQLite WAL is checkpointed and removed when the last connection closes, i.e. only after a full close.
            assertThat(server.dataDir.resolve("control-plane.db-wal")).doesNotExist();
        } finally {
            server.close();
        }
    }

    @Test
    void sigtermClosesTheNodeBeforeTheJvmExits() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", Main.class.getName(), "node",
                "--data-dir", work.resolve("node").toString(), "--address", "127.0.0.1:0").redirectErrorStream(true);
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("S3AAS_ROOT_USER", "shutdown-root");
        pb.environment().put("S3AAS_ROOT_PASSWORD", "shutdown-root-secret");
        Path log = work.resolve("node.log");
        pb.redirectOutput(log.toFile());
        Process node = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(log) && Files.readString(log).contains("listening"))) {
                assertThat(node.isAlive()).as("node running").isTrue();
                assertThat(System.nanoTime()).as("node started in time").isLessThan(deadline);
                Thread.sleep(50);
            }
            node.destroy();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("s3aas node stopped");
        } finally {
            node.destroyForcibly();
        }
    }
}
