package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.controlplane.crypto.PasswordHasher;
import dev.s3aas.controlplane.crypto.SecretBox;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets at rest, password hashes and configuration from the environment. */
class CryptoAndConfigTest {
    @Test
    void secretsAreSealedWithAesGcmUnderTheMasterKey(@TempDir Path dir) {
        SecretBox box = SecretBox.fromKeyFile(dir.resolve("master.key"));
        String sealed = box.encrypt("root-secret");
        assertThat(sealed).startsWith("v1:").doesNotContain("root-secret");
        assertThat(box.encrypt("root-secret")).as("random IV").isNotEqualTo(sealed);
        assertThat(SecretBox.fromKeyFile(dir.resolve("master.key")).decrypt(sealed)).isEqualTo("root-secret");
        SecretBox other = SecretBox.fromKeyFile(dir.resolve("other.key"));
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void argon2idHashesVerify() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1, new Semaphore(1));
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("wrong horse", hash)).isFalse();
        assertThat(hasher.verify("x", "$bcrypt$nope")).isFalse();
    }

    @Test
    void hashingWaitsForAPermitSoParallelLoginsCannotExhaustMemory() throws Exception {
        Semaphore permits = new Semaphore(1);
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1, permits);
        String hash = hasher.hash("correct horse");
        permits.acquire(); // every permit busy, as under a burst of logins
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> verify = threads.submit(() -> hasher.verify("correct horse", hash));
            Future<String> rehash = threads.submit(() -> hasher.hash("another"));
            Thread.sleep(300);
            assertThat(verify.isDone()).isFalse();
            assertThat(rehash.isDone()).isFalse();
            permits.release();
            assertThat(verify.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rehash.get(10, TimeUnit.SECONDS)).startsWith("$argon2id$");
        }
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void configFromEnvironment() {
        ControlPlaneConfig c = ControlPlaneConfig.fromMap(Map.of("S3AAS_DATA_DIR", "/var/lib/s3aas",
                "S3AAS_LISTEN", "0.0.0.0:9090", "S3AAS_DB_URL", "jdbc:postgresql://db/cp", "S3AAS_NODE_PORTS", "9200-9210",
                "S3AAS_ADMIN_PASSWORD", "pw", "S3AAS_MASTER_KEY_FILE", "/etc/s3aas/key"));
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/s3aas"));
        assertThat(c.listenHost()).isEqualTo("0.0.0.0");
        assertThat(c.listenPort()).isEqualTo(9090);
        assertThat(c.effectiveDbUrl()).isEqualTo("jdbc:postgresql://db/cp");
        assertThat(c.nodePorts().first()).isEqualTo(9200);
        assertThat(c.nodePorts().last()).isEqualTo(9210);
        assertThat(c.adminPassword()).isEqualTo("pw");
        assertThat(c.masterKeyFile()).isEqualTo(Path.of("/etc/s3aas/key"));

        ControlPlaneConfig d = ControlPlaneConfig.fromMap(Map.of());
        assertThat(d.listenHost()).isEqualTo("127.0.0.1");
        assertThat(d.listenPort()).isEqualTo(8080);
        assertThat(d.effectiveDbUrl()).startsWith("jdbc:sqlite:").endsWith("control-plane.db");
        assertThat(d.masterKeyFile()).isEqualTo(d.dataDir().resolve("master.key"));
        assertThat(d.nodeLauncher().commandPrefix()).contains("dev.s3aas.cli.Main");
    }
}
