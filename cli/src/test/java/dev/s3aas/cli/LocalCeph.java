package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Ceph cluster for a test class, started by the repository's {@code deploy/ceph/local-cluster.sh}
 * (Debian's ceph-mon, ceph-mgr, ceph-osd, radosgw): 1 mon, 3 memstore OSDs, 2 gateways, all on loopback,
 * under a directory of the test's. Fails with instructions when the packages are missing.
 */
final class LocalCeph implements AutoCloseable {
    static final Path SCRIPT = Path.of("..", "deploy", "ceph", "local-cluster.sh").toAbsolutePath().normalize();

    final Path dir;
    final Map<String, String> env = new HashMap<>();

    private LocalCeph(Path dir) {
        this.dir = dir;
    }

    static LocalCeph start(Path dir) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/ceph-osd")) || !Files.isExecutable(Path.of("/usr/bin/radosgw"))) {
            throw new IllegalStateException("the Ceph tests need Debian's ceph packages: apt-get install ceph-mon ceph-mgr "
                    + "ceph-osd radosgw ceph-common (.ci/run installs them); run the fast suite with ./run-tests --fast");
        }
        LocalCeph c = new LocalCeph(dir);
        c.run(180, "up");
        for (String line : c.run(30, "env").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                c.env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(c.env).containsKeys("CEPH_GATEWAY_1", "CEPH_GATEWAY_2", "CEPH_ADMIN_ACCESS_KEY");
        return c;
    }

    String get(String key) {
        return env.get(key);
    }

    /** Runs the script with {@code args} (and the cluster dir last); returns its output. */
    String run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 2];
        cmd[0] = SCRIPT.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        cmd[cmd.length - 1] = dir.toString();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " timed out: " + out);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** {@code radosgw-admin} against this cluster, e.g. to change the tenant behind the control plane's back. */
    String radosgwAdmin(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "radosgw-admin";
        cmd[1] = "-c";
        cmd[2] = dir.resolve("ceph.conf").toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    @Override
    public void close() throws Exception {
        run(120, "down");
    }
}
