package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One control plane per data dir: a second one, in this JVM or another process, refuses to start. */
class DataDirLockTest {
    @TempDir
    Path dir;

    private ControlPlaneConfig config() {
        return ControlPlaneConfig.defaults(dir).withListen("127.0.0.1", 0).withAdminPassword(Fixture.ADMIN_PASSWORD)
                .withTimings(Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void aSecondControlPlaneOnTheSameDataDirFailsClearly() {
        try (Fixture first = new Fixture(config())) {
            assertThatThrownBy(() -> new Fixture(config())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another control plane is running on data dir")
                    .hasMessageContaining("by pid " + ProcessHandle.current().pid());
            assertThat(first.http.get("/v1/types/s3/instances", first.admin).status()).isEqualTo(200);
        }
        try (Fixture again = new Fixture(config())) {
            assertThat(again.http.get("/v1/types/s3/instances", again.admin).status()).isEqualTo(200);
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRespected() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, LockHolderMain.class.getName(), dir.toString()).redirectErrorStream(true);
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process holder = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> new Fixture(config())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("by pid " + holder.pid());
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        try (Fixture after = new Fixture(config())) {
            assertThat(after.http.get("/v1/types/s3/instances", after.admin).status()).isEqualTo(200);
        }
    }
}
