package dev.s3aas.controlplane.provision;

import dev.s3aas.common.tls.TlsFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a node process is started: {@code <commandPrefix> node --data-dir DIR --address HOST:PORT}
 * (plus {@code --tls-cert FILE --tls-key FILE} for a node serving HTTPS),
 * in an environment of only {@link #INHERITED} variables of ours plus {@code environment} plus the
 * root credentials in {@code S3AAS_ROOT_USER} / {@code S3AAS_ROOT_PASSWORD} and the root MFA device in
 * {@code S3AAS_ROOT_MFA_SERIAL} / {@code S3AAS_ROOT_MFA_SECRET} (set by the provisioner per instance, never
 * inherited). The default runs
 * {@code dev.s3aas.cli.Main} on this JVM and class path; tests substitute a fake node.
 *
 * <p>The environment is an allowlist because ours holds secrets a node must never see
 * ({@code S3AAS_ADMIN_PASSWORD}, {@code S3AAS_DB_PASSWORD}, cloud credentials…).
 *
 * <p>The class path travels in the {@code CLASSPATH} variable rather than {@code -cp}: the
 * provisioner recognises its nodes by the {@code --data-dir} argument, and the kernel truncates
 * very long command lines as read back through {@code /proc/<pid>/cmdline}.
 */
public record NodeLauncher(List<String> commandPrefix, Map<String, String> environment) {
    public static final String DEFAULT_MAIN = "dev.s3aas.cli.Main";
    /** The flag that tells a node process serving HTTPS from one serving HTTP (on its command line). */
    static final String TLS_CERT_FLAG = "--tls-cert";

    /**
     * The JVM flags of every node, before {@code S3AAS_JAVA_OPTS} (which can override them, as it
     * does for {@code ./s3aas node}). Native access is for RocksDB, as the {@code ./s3aas} script
     * grants it; a node's heap holds no object data, so 512 MiB with the serial collector suffices.
     */
    static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");

    /** The variables of ours a node inherits; everything else is withheld. */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "JAVA_HOME",
            "MALLOC_ARENA_MAX", "S3AAS_JAVA_OPTS", "S3AAS_LOG_LEVEL", "S3AAS_LOG_FORMAT", "S3AAS_ACCESS_LOG_LEVEL",
            "S3AAS_S3_ACCESS_LOG_LEVEL");

    /** glibc keeps freed native memory per arena; see the ./s3aas script, which sets the same default. */
    private static final String MALLOC_ARENA_MAX = "2";

    public NodeLauncher {
        commandPrefix = List.copyOf(commandPrefix);
        environment = Map.copyOf(environment);
        if (commandPrefix.isEmpty()) {
            throw new IllegalArgumentException("empty node command");
        }
    }

    /** The current JVM's java binary and class path with the given main class, {@link #JVM_FLAGS} and S3AAS_JAVA_OPTS. */
    public static NodeLauncher currentJvm(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmFlags(System.getenv("S3AAS_JAVA_OPTS")));
        cmd.add(mainClass);
        return new NodeLauncher(cmd, Map.of("CLASSPATH", System.getProperty("java.class.path")));
    }

    /** {@link #JVM_FLAGS} then the whitespace-separated {@code javaOpts} (split as the shell script does). */
    static List<String> jvmFlags(String javaOpts) {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        if (javaOpts != null && !javaOpts.isBlank()) {
            flags.addAll(Arrays.asList(javaOpts.strip().split("\\s+")));
        }
        return flags;
    }

    public List<String> command(String dataDir, String host, int port) {
        List<String> cmd = new ArrayList<>(commandPrefix);
        cmd.addAll(List.of("node", "--data-dir", dataDir, "--address", host + ":" + port));
        return cmd;
    }

    /** As {@link #command(String, String, int)}, serving HTTPS with the given files when {@code tls} is not null. */
    public List<String> command(String dataDir, String host, int port, TlsFiles tls) {
        List<String> cmd = command(dataDir, host, port);
        if (tls != null) {
            cmd.addAll(List.of(TLS_CERT_FLAG, tls.certificate().toString(), "--tls-key", tls.privateKey().toString()));
        }
        return cmd;
    }

    /** A node's whole environment (root credentials aside), given ours. */
    public Map<String, String> childEnvironment(Map<String, String> ours) {
        Map<String, String> env = new HashMap<>();
        ours.forEach((k, v) -> {
            if (INHERITED.contains(k)) {
                env.put(k, v);
            }
        });
        env.putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        env.putAll(environment);
        return env;
    }
}
