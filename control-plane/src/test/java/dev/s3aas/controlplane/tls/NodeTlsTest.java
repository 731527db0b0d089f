package dev.s3aas.controlplane.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.common.tls.KeyMaterial;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.testing.MutableClock;
import dev.s3aas.controlplane.testing.TestDatabases;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a node's certificate is issued again, and that the CA is one per database, on a clock moved by hand. */
class NodeTlsTest {
    private static final List<String> NAMES = List.of("127.0.0.1", "localhost");

    @Test
    void aCertificateIsKeptUntilNearExpiryOrAnAddressChange(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (Database db = TestDatabases.SQLITE.open(dir)) {
            NodeTls tls = new NodeTls(new NodeCa(db, new SecretBox(new byte[32]), clock), clock);
            Path node = Files.createDirectories(dir.resolve("node"));
            BigInteger first = serial(tls.ensure(node, NAMES));
            assertThat(serial(tls.ensure(node, NAMES))).as("current: kept").isEqualTo(first);

            clock.advance(Duration.ofDays(330));
            assertThat(serial(tls.ensure(node, NAMES))).as("35 days left: kept").isEqualTo(first);
            clock.advance(Duration.ofDays(10));
            BigInteger renewed = serial(tls.ensure(node, NAMES));
            assertThat(renewed).as("25 days left: renewed").isNotEqualTo(first);

            BigInteger moved = serial(tls.ensure(node, List.of("127.0.0.2", "localhost")));
            assertThat(moved).as("new address: re-issued").isNotEqualTo(renewed);
            assertThat(serial(tls.ensure(node, List.of("127.0.0.2", "localhost")))).isEqualTo(moved);
        }
    }

    @Test
    void everyNodeCaOverOneDatabaseIsTheSameCa(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (Database db = TestDatabases.SQLITE.open(dir)) {
            SecretBox box = new SecretBox(new byte[32]);
            NodeCa a = new NodeCa(db, box, clock);
            NodeCa b = new NodeCa(db, box, clock);
            assertThat(b.certificatePem()).isEqualTo(a.certificatePem());
            // A certificate of the CA read back verifies with the one created first.
            NodeTls viaB = new NodeTls(b, clock);
            KeyMaterial leaf = KeyMaterial.load(viaB.ensure(Files.createDirectories(dir.resolve("n")), NAMES));
            leaf.leaf().verify(a.certificate().getPublicKey());
        }
    }

    private static BigInteger serial(TlsFiles files) throws Exception {
        return KeyMaterial.load(files).leaf().getSerialNumber();
    }
}
