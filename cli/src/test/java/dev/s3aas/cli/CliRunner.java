package dev.s3aas.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code s3aas ...} as a user would: a separate JVM ({@code java -cp <this class path> dev.s3aas.cli.Main}),
 * with its own config dir, optional stdin, and the S3AAS_* variables of the test run removed so only what a
 * test sets applies. Returns the exit code, stdout and stderr.
 */
final class CliRunner {
    private final Path configDir;
    private final Path work;
    private final Map<String, String> env = new HashMap<>();

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    CliRunner(Path configDir) throws IOException {
        this.configDir = configDir;
        this.work = Files.createDirectories(configDir.resolveSibling(configDir.getFileName() + "-runs"));
    }

    /** An environment variable for every later run (null removes it). */
    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Run run(String... args) throws Exception {
        return runWithStdin(null, args);
    }

    Run runWithStdin(String stdin, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("S3AAS_") || k.equals("XDG_CONFIG_HOME"));
        pb.environment().put("S3AAS_CONFIG_DIR", configDir.toString());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("s3aas " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
