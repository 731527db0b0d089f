package dev.s3aas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 30 s soak against a real node, so {@code bin/soak} cannot silently rot: no errors, flat RSS/FDs, a CSV. */
class SoakTest {
    @TempDir
    Path dir;

    @Test
    void shortSoakPasses() throws Exception {
        Path csv = dir.resolve("soak.csv");
        boolean pass = Soak.run(new String[] {"--duration", "30s", "--interval", "5s", "--clients", "32",
            "--out", csv.toString()});
        assertThat(pass).isTrue();
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(4);
    }
}
