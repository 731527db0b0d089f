package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3aas bench}'s peer options, as a user types them: a remote peer needs its endpoint and keys. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aRemotePeerWithoutItsEndpointIsAUsageError() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("config"));
        CliRunner.Run node = cli.run("bench", "--peer", "node", "--quick");
        assertThat(node.code()).as(node.toString()).isEqualTo(2);
        assertThat(node.err()).contains("--peer node needs --peer-endpoint, --peer-access-key and --peer-secret-key");

        CliRunner.Run rgw = cli.run("bench", "--peer", "rgw", "--rgw-endpoint", "http://127.0.0.1:1", "--quick");
        assertThat(rgw.code()).as(rgw.toString()).isEqualTo(2);
        assertThat(rgw.err()).contains("--peer rgw needs --peer-endpoint");

        CliRunner.Run bad = cli.run("bench", "--peer", "minio");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("bad --peer value 'minio'", "node");
    }
}
