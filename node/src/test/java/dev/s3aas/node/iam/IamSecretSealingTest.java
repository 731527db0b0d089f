package dev.s3aas.node.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.node.auth.RootCredentials;
import dev.s3aas.node.storage.MetadataTable;
import dev.s3aas.node.storage.RocksObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM secret keys at rest: sealed with a key derived from the node's master key, never in plain text in any file
 * under the data dir (RocksDB's WAL, SST, LOG and OPTIONS included), and plain-text records of format 1 upgraded
 * on open without losing a user.
 */
class IamSecretSealingTest {
    private static final RootCredentials ROOT = new RootCredentials("root-key", "root-secret-xyz");

    @TempDir
    Path dir;

    private static IamStore iam(RocksObjectStore store) throws IOException {
        return IamStore.open(store.metadataTable("iam"), ROOT, Clock.systemUTC(),
                new SecretSeal(store.masterSubkey(SecretSeal.LABEL)));
    }

    @Test
    void secretsOfUsersAndServiceAccountsNeverReachTheDisk() throws Exception {
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            IamStore iam = iam(store);
            iam.putUser("alice", "ALICE-SECRET-0123456789", null, null);
            iam.addServiceAccount(new IamStore.NewServiceAccount("alice", "svc-alice", "SVC-SECRET-0123456789",
                    null, null, null, null));
            iam.updateServiceAccount("svc-alice", new IamStore.ServiceAccountUpdate("SVC-ROTATED-0123456789",
                    null, null, null, null, null));
            assertThat(iam.secretFor("svc-alice")).contains("SVC-ROTATED-0123456789");
        }
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            IamStore reopened = iam(store);
            assertThat(reopened.secretFor("alice")).contains("ALICE-SECRET-0123456789");
            assertThat(reopened.secretFor("svc-alice")).contains("SVC-ROTATED-0123456789");
            store.metadataTable("iam").purgeOverwritten(); // WAL into SST: the grep sees both kinds of file
        }
        assertThat(filesContaining(dir, "ALICE-SECRET-0123456789", "SVC-SECRET-0123456789", "SVC-ROTATED-0123456789"))
                .isEmpty();
    }

    @Test
    void plaintextRecordsOfFormatOneAreSealedOnOpenAndPurgedFromDisk() throws Exception {
        String legacy = "{\"v\":1,\"ak\":\"bob\",\"sk\":\"BOB-PLAINTEXT-SECRET-42\",\"st\":\"enabled\",\"p\":[\"readonly\"],"
                + "\"c\":1700000000000,\"u\":1700000000000}";
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            MetadataTable table = store.metadataTable("iam");
            table.commit(new MetadataTable.Batch().put(IamCodec.USER_PREFIX + "bob",
                    legacy.getBytes(StandardCharsets.UTF_8)));
        }
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            // Flushed into an SST by a reopen cycle, as a record written by an older node would be.
            store.metadataTable("iam").purgeOverwritten();
        }
        assertThat(filesContaining(dir, "BOB-PLAINTEXT-SECRET-42")).as("the legacy record is on disk").isNotEmpty();

        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            IamStore iam = iam(store);
            assertThat(iam.secretFor("bob")).contains("BOB-PLAINTEXT-SECRET-42");
            assertThat(iam.user("bob").orElseThrow().policies()).containsExactly("readonly");
        }
        assertThat(filesContaining(dir, "BOB-PLAINTEXT-SECRET-42")).isEmpty();
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            assertThat(iam(store).secretFor("bob")).as("the user survived the upgrade").contains("BOB-PLAINTEXT-SECRET-42");
        }
    }

    @Test
    void aSealedSecretOpensOnlyForItsOwnUserAndKey() {
        SecretSeal seal = new SecretSeal(new byte[32]);
        String sealed = seal.seal("alice", "a-secret");
        assertThat(sealed).doesNotContain("a-secret");
        assertThat(seal.open("alice", sealed)).isEqualTo("a-secret");
        assertThatThrownBy(() -> seal.open("mallory", sealed)).hasMessageNotContaining("a-secret");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretSeal(other).open("alice", sealed)).isInstanceOf(IllegalStateException.class);
    }

    /** Files under {@code root} (binary included) that contain any of the strings. */
    static List<Path> filesContaining(Path root, String... needles) throws IOException {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String n : needles) {
                    if (content.contains(n)) {
                        hits.add(f);
                        break;
                    }
                }
            }
        }
        return hits;
    }
}
