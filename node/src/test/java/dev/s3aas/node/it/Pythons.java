package dev.s3aas.node.it;

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
}
