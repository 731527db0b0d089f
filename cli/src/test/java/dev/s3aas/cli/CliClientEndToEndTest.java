package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3aas} client commands as a user drives them: each step is a separate {@code s3aas ...} process
 * against a real {@code s3aas server} with real node processes; assertions read stdout, stderr and the exit
 * code. The steps follow the README's quick start, then the error paths and the session's refresh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliClientEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY_RW = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": [\"s3:*\"], \"Resource\": [\"arn:aws:s3:::data-bucket\", \"arn:aws:s3:::data-bucket/*\"]}]}";

    @TempDir
    static Path work;
    static ServerProcess server;
    static CliRunner cli;
    static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerProcess(Files.createDirectories(work.resolve("cp")));
        server.start();
        cli = new CliRunner(work.resolve("config")).env("S3AAS_ENDPOINT", "http://127.0.0.1:" + server.apiPort);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static CliRunner.Run ok(CliRunner.Run r) {
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    static JsonNode json(CliRunner.Run r) throws Exception {
        return JSON.readTree(ok(r).out());
    }

    static Path sessionFile() {
        return work.resolve("config").resolve("session.json");
    }

    @Test
    @Order(1)
    void withoutASessionCommandsExit3() throws Exception {
        CliRunner.Run r = cli.run("instance", "list");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).startsWith("error: not logged in: run s3aas login");
        assertThat(r.out()).isEmpty();
    }

    @Test
    @Order(2)
    void loginKeepsTokensNeverThePasswordInAPrivateFile() throws Exception {
        CliRunner.Run wrong = cli.runWithStdin("not-the-password\n", "login", "--username", "admin", "--password-stdin");
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(3);
        assertThat(wrong.err()).startsWith("error: ");

        CliRunner.Run r = ok(cli.runWithStdin(ServerProcess.ADMIN_PASSWORD + "\n", "login", "-u", "admin",
                "--password-stdin"));
        assertThat(r.out()).contains("logged in to http://127.0.0.1:" + server.apiPort + " as admin");
        String session = Files.readString(sessionFile());
        assertThat(session).doesNotContain(ServerProcess.ADMIN_PASSWORD).contains("refresh_token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    @Order(3)
    void instanceCreateWaitsUntilActiveShowingTheTransitions() throws Exception {
        CliRunner.Run r = ok(cli.run("instance", "create", "--name", "s3-data", "--version", "0.0.1",
                "--bucket-name", "data-bucket", "--encryption", "aes256", "--versioning", "--wait", "-o", "json"));
        JsonNode instance = JSON.readTree(r.out());
        assertThat(instance.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(instance.path("encryption").asText()).isEqualTo("aes256");
        assertThat(instance.path("versioning").asBoolean()).isTrue();
        endpoint = instance.path("endpoint").asText();
        assertThat(endpoint).startsWith("http://127.0.0.1:");
        // stderr shows the statuses as they change, ending in ACTIVE; stdout holds only the object.
        assertThat(r.err()).startsWith("instance s3-data: PENDING").contains("ACTIVE");
        assertThat(r.err().indexOf("ACTIVE")).isGreaterThan(r.err().indexOf("PENDING"));
    }

    @Test
    @Order(4)
    void theQuickStartWithTheCliGivesAKeyThatWorksWithTheAwsSdk() throws Exception {
        assertThat(json(cli.run("user", "create", "-i", "s3-data", "app", "-o", "json")).path("name").asText())
                .isEqualTo("app");
        assertThat(json(cli.run("policy", "create", "-i", "s3-data", "data-rw", "--document", POLICY_RW, "-o", "json"))
                .path("content").path("Statement").get(0).path("Effect").asText()).isEqualTo("Allow");
        ok(cli.run("policy", "attach", "-i", "s3-data", "data-rw", "--user", "app"));
        assertThat(ok(cli.run("policy", "attached", "-i", "s3-data", "--user", "app")).out()).contains("app");
        ok(cli.run("bucket", "create", "-i", "s3-data", "other-bucket", "--quota-bytes", "1048576"));

        CliRunner.Run created = ok(cli.run("key", "create", "-i", "s3-data", "--user", "app", "-o", "json"));
        JsonNode key = JSON.readTree(created.out());
        String accessKey = key.path("access_key").asText();
        String secretKey = key.path("secret_key").asText();
        assertThat(secretKey).hasSize(40);
        // The secret is in the create answer only: listing the keys never shows it.
        assertThat(ok(cli.run("key", "list", "-i", "s3-data", "--user", "app")).out())
                .contains(accessKey).doesNotContain(secretKey);

        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build()) {
            Eventually.holds(Duration.ofSeconds(60), () -> s3.putObject(b -> b.bucket("data-bucket").key("test.txt"),
                    RequestBody.fromString("hello")));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("data-bucket").key("test.txt")).asUtf8String())
                    .isEqualTo("hello");
        }
    }

    @Test
    @Order(5)
    void keyCreateInATableSaysTheSecretIsShownOnce() throws Exception {
        CliRunner.Run r = ok(cli.run("key", "create", "-i", "s3-data", "--user", "app"));
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("ACCESS_KEY").contains("SECRET_KEY");
        assertThat(lines[1].split("\\s+")[1]).hasSize(40);
        assertThat(r.err()).contains("shown only once");
    }

    @Test
    @Order(6)
    void listsRenderAsTableJsonAndYaml() throws Exception {
        String table = ok(cli.run("instance", "list")).out();
        String[] lines = table.split("\n");
        assertThat(lines[0]).startsWith("NAME").contains("STATUS", "ENDPOINT");
        assertThat(lines[1]).startsWith("s3-data").contains("ACTIVE", endpoint);
        // Aligned: each column starts at the same offset in every line.
        assertThat(lines[1].indexOf("ACTIVE")).isEqualTo(lines[0].indexOf("STATUS"));

        JsonNode list = json(cli.run("bucket", "list", "-i", "s3-data", "-o", "json"));
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("name")).containsExactlyInAnyOrder("data-bucket", "other-bucket");

        JsonNode yaml = new YAMLMapper().readTree(ok(cli.run("instance", "get", "s3-data", "-o", "yaml")).out());
        assertThat(yaml.path("name").asText()).isEqualTo("s3-data");
        assertThat(yaml.path("endpoint").asText()).isEqualTo(endpoint);
        assertThat(new YAMLMapper().readTree(ok(cli.run("user", "list", "-i", "s3-data", "-o", "yaml")).out())
                .get(0).path("name").asText()).isEqualTo("app");
    }

    @Test
    @Order(7)
    void aValidationErrorShowsTheApiMessageAndFieldWithExit1() throws Exception {
        CliRunner.Run r = cli.run("instance", "create", "--name", "bad", "--encryption", "rot13");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: encryption must be \"none\" or \"aes256\" (field: encryption)");
        assertThat(r.out()).isEmpty();

        CliRunner.Run missing = cli.run("bucket", "get", "-i", "s3-data", "no-such-bucket");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ").contains("no-such-bucket");
    }

    @Test
    @Order(8)
    void usageErrorsExit2() throws Exception {
        CliRunner.Run r = cli.run("instance", "create", "--version", "0.0.1");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--name=NAME'");
        assertThat(cli.run("instance", "frobnicate").code()).isEqualTo(2);
    }

    @Test
    @Order(9)
    void anExpiredAccessTokenIsRefreshedAndTheNewPairStored() throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(sessionFile().toFile());
        String oldRefresh = s.path("refresh_token").asText();
        s.put("expires_at", "2000-01-01T00:00:00Z");
        Files.writeString(sessionFile(), s.toString());

        assertThat(json(cli.run("instance", "get", "s3-data", "-o", "json")).path("status").asText()).isEqualTo("ACTIVE");
        JsonNode after = JSON.readTree(sessionFile().toFile());
        assertThat(after.path("refresh_token").asText()).isNotEqualTo(oldRefresh);
        assertThat(after.path("expires_at").asText()).isNotEqualTo("2000-01-01T00:00:00Z");
    }

    @Test
    @Order(10)
    void aRefusedAccessTokenIsRefreshedOnceAfterThe401() throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(sessionFile().toFile());
        String oldRefresh = s.path("refresh_token").asText();
        s.put("access_token", "not-a-token");
        Files.writeString(sessionFile(), s.toString());

        ok(cli.run("instance", "list"));
        assertThat(JSON.readTree(sessionFile().toFile()).path("refresh_token").asText()).isNotEqualTo(oldRefresh);
    }

    @Test
    @Order(11)
    void aSessionThatCannotBeRefreshedExits3() throws Exception {
        Path saved = work.resolve("session.saved");
        Files.copy(sessionFile(), saved);
        ObjectNode s = (ObjectNode) JSON.readTree(sessionFile().toFile());
        s.put("access_token", "not-a-token").put("refresh_token", "revoked");
        Files.writeString(sessionFile(), s.toString());

        CliRunner.Run r = cli.run("instance", "list");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).startsWith("error: the session has expired").contains("run s3aas login");
        Files.copy(saved, sessionFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(12)
    void waitTimingOutExits5() throws Exception {
        // The PATCH bumps the generation; with no time to wait, --wait gives up before the reconciler applies it.
        CliRunner.Run r = cli.run("instance", "update", "s3-data", "--description", "cli test", "--wait",
                "--timeout", "0s");
        assertThat(r.code()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("error: timed out after 0 s waiting for instance s3-data to be ACTIVE");
        // Given time, the same wait succeeds.
        assertThat(json(cli.run("instance", "update", "s3-data", "--description", "cli test 2", "--wait", "-o",
                "json")).path("description").asText()).isEqualTo("cli test 2");
    }

    @Test
    @Order(13)
    void auditShowsWhoChangedWhatAndPrometheusGetsAScrapeJob() throws Exception {
        CliRunner.Run r = cli.run("audit", "--since", "1h", "--actor", "admin", "-o", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(0);
        JsonNode items = json(r);
        assertThat(items.isArray()).isTrue();
        assertThat(items).anySatisfy(i -> {
            assertThat(i.path("method").asText()).isEqualTo("POST");
            assertThat(i.path("route").asText()).isEqualTo("/v1/types/s3/instances");
            assertThat(i.path("status").asInt()).isEqualTo(201);
            assertThat(i.path("actor").asText()).isEqualTo("admin");
            assertThat(i.path("token_id").asText()).isNotBlank();
        });
        assertThat(r.out()).doesNotContain("secret_key");
        CliRunner.Run table = cli.run("audit", "--since", "1h");
        assertThat(table.code()).as(table.toString()).isEqualTo(0);
        assertThat(table.out()).contains("REQUEST_ID").contains("/v1/types/s3/instances");
        CliRunner.Run nobody = cli.run("audit", "--actor", "nobody", "-o", "json");
        assertThat(json(nobody)).isEmpty();
        CliRunner.Run scrape = cli.run("instance", "prometheus", "s3-data");
        assertThat(scrape.code()).as(scrape.toString()).isEqualTo(0);
        assertThat(scrape.out()).startsWith("- job_name: s3aas-s3-data").contains("credentials: ey")
                .contains("- 127.0.0.1:");
        assertThat(json(cli.run("instance", "prometheus", "s3-data", "-o", "json")).path("targets").get(0).asText())
                .endsWith("/metrics");
    }

    @Test
    @Order(14)
    void anUnreachableEndpointExits4() throws Exception {
        int port = ServerProcess.freePort();
        CliRunner.Run r = cli.runWithStdin("x\n", "login", "--endpoint", "http://127.0.0.1:" + port, "-u", "admin",
                "--password-stdin");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: cannot reach http://127.0.0.1:" + port);
    }

    @Test
    @Order(15)
    void completionScriptsPrint() throws Exception {
        CliRunner.Run bash = ok(cli.run("completion", "bash"));
        assertThat(bash.out()).contains("complete -F _complete_s3aas", "instance", "bucket", "--output");
        CliRunner.Run zsh = ok(cli.run("completion", "zsh"));
        assertThat(zsh.out()).contains("bashcompinit", "_complete_s3aas");
        assertThat(cli.run("completion", "fish").code()).isEqualTo(2);
    }

    @Test
    @Order(16)
    void helpDocumentsTheExitCodes() throws Exception {
        CliRunner.Run r = ok(cli.run("instance", "create", "--help"));
        assertThat(r.out()).contains("Exit codes:", "--wait", "--bucket-name");
        assertThat(r.out()).containsPattern("(?m)^\\s+5\\s+--wait ended in ERROR");
    }

    @Test
    @Order(17)
    void instanceDeleteWaitsUntilItIsGoneThenLogout() throws Exception {
        CliRunner.Run r = ok(cli.run("instance", "delete", "s3-data", "--wait"));
        assertThat(r.err()).contains("deleted");
        assertThat(ok(cli.run("instance", "list", "-o", "json")).out().strip()).isEqualTo("[ ]");
        Eventually.holds(Duration.ofSeconds(60), () -> assertThat(server.nodeProcesses()).isEmpty());

        assertThat(ok(cli.run("logout")).out()).contains("logged out");
        assertThat(sessionFile()).doesNotExist();
        assertThat(cli.run("instance", "list").code()).isEqualTo(3);
    }
}
