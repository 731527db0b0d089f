package dev.s3aas.controlplane.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a node process is started with. */
class NodeLauncherTest {
    private final NodeLauncher launcher = new NodeLauncher(List.of("java", "Main"), Map.of("CLASSPATH", "/lib/*"));

    @Test
    void nodesInheritOnlyTheAllowlistedVariables() {
        Map<String, String> env = launcher.childEnvironment(Map.of("PATH", "/usr/bin", "HOME", "/home/s3aas",
                "S3AAS_JAVA_OPTS", "-Xmx1g", "S3AAS_ADMIN_PASSWORD", "admin-secret", "S3AAS_DB_PASSWORD", "db-secret",
                "S3AAS_DB_URL", "jdbc:postgresql://db/s3aas", "AWS_SECRET_ACCESS_KEY", "aws-secret"));
        assertThat(env).containsOnly(Map.entry("PATH", "/usr/bin"), Map.entry("HOME", "/home/s3aas"),
                Map.entry("S3AAS_JAVA_OPTS", "-Xmx1g"), Map.entry("MALLOC_ARENA_MAX", "2"),
                Map.entry("CLASSPATH", "/lib/*"));
    }

    @Test
    void nodesInheritTheLogFormat() {
        assertThat(launcher.childEnvironment(Map.of("S3AAS_LOG_FORMAT", "json", "S3AAS_ACCESS_LOG_LEVEL", "WARN")))
                .containsEntry("S3AAS_LOG_FORMAT", "json").containsEntry("S3AAS_ACCESS_LOG_LEVEL", "WARN");
    }

    @Test
    void anExplicitArenaCountIsKept() {
        assertThat(launcher.childEnvironment(Map.of("MALLOC_ARENA_MAX", "4"))).containsEntry("MALLOC_ARENA_MAX", "4");
    }

    @Test
    void jvmFlagsAreTheDefaultsThenS3aasJavaOpts() {
        assertThat(NodeLauncher.jvmFlags(null)).isEqualTo(NodeLauncher.JVM_FLAGS)
                .contains("--enable-native-access=ALL-UNNAMED");
        assertThat(NodeLauncher.jvmFlags("  -Xmx1g   -Dx=y ")).containsSequence("--enable-native-access=ALL-UNNAMED",
                "-Xmx1g", "-Dx=y");
        assertThat(NodeLauncher.currentJvm("Main").commandPrefix()).contains("--enable-native-access=ALL-UNNAMED")
                .endsWith("Main");
    }
}
