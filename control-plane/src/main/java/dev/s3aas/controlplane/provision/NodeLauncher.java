package dev.s3aas.controlplane.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a node process is started: {@code <commandPrefix> node --data-dir DIR --address HOST:PORT},
 * with {@code environment} plus the root credentials in {@code S3AAS_ROOT_USER} /
 * {@code S3AAS_ROOT_PASSWORD}. The default runs {@code dev.s3aas.cli.Main} on this JVM and class
 * path; tests substitute a fake node.
 *
 * <p>The class path travels in the {@code CLASSPATH} variable rather than {@code -cp}: the
 * provisioner recognises its nodes by the {@code --data-dir} argument, and the kernel truncates
 * very long command lines as read back through {@code /proc/<pid>/cmdline}.
 */
public record NodeLauncher(List<String> commandPrefix, Map<String, String> environment) {
    public static final String DEFAULT_MAIN = "dev.s3aas.cli.Main";

    public NodeLauncher {
        commandPrefix = List.copyOf(commandPrefix);
        environment = Map.copyOf(environment);
        if (commandPrefix.isEmpty()) {
            throw new IllegalArgumentException("empty node command");
        }
    }

    /** The current JVM's java binary and class path with the given main class. */
    public static NodeLauncher currentJvm(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        return new NodeLauncher(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", mainClass),
                Map.of("CLASSPATH", System.getProperty("java.class.path")));
    }

    public List<String> command(String dataDir, String host, int port) {
        List<String> cmd = new ArrayList<>(commandPrefix);
        cmd.addAll(List.of("node", "--data-dir", dataDir, "--address", host + ":" + port));
        return cmd;
    }
}
