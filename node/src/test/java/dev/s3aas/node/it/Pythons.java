package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The Python interpreters tests drive boto3 with: Debian's (python3-boto3) and a modern one if present. */
final class Pythons {
    static final String DEBIAN = "/usr/bin/python3";

    private Pythons() {}

    /** A python3 on PATH, other than Debian's, that has boto3 (e.g. pyenv's), or null. */
    static String modern() throws Exception {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dirName, "python3");
            if (Files.isExecutable(candidate) && !candidate.toRealPath().startsWith("/usr/bin")) {
                Process p = new ProcessBuilder(candidate.toString(), "-c", "import boto3").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    /**
     * Runs a script of {@code src/test/python} with this interpreter against the node as root, the bucket in
     * {@code S3AAS_BUCKET}; asserts it exits 0 and returns what it printed.
     */
    static String runScript(String python, String script, TestNode node, String bucket) throws Exception {
        Path path = Path.of("src/test/python", script);
        assertThat(path).exists();
        ProcessBuilder pb = new ProcessBuilder(python, path.toString()).redirectErrorStream(true);
        pb.environment().put("S3AAS_ENDPOINT", node.endpoint().toString());
        pb.environment().put("S3AAS_ACCESS_KEY", TestNode.ACCESS_KEY);
        pb.environment().put("S3AAS_SECRET_KEY", TestNode.SECRET_KEY);
        pb.environment().put("S3AAS_BUCKET", bucket);
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
