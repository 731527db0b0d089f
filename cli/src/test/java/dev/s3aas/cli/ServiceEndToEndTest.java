package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.metrics.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The product end to end, as a user drives it: {@code s3aas server} (a real process) with real node processes,
 * the REST API over HTTP, and the AWS SDK and boto3 against the instance's endpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceEndToEndTest {
    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String POLICY_RW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::data-bucket\",\"arn:aws:s3:::data-bucket/*\"]}]}";
    private static final String POLICY_RO = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data-bucket\","
            + "\"arn:aws:s3:::data-bucket/*\"]}]}";

    @TempDir
    static Path work;
    static ServerProcess server;
    static String admin;
    static String base;
    static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerProcess(Files.createDirectories(work.resolve("cp")));
        server.start();
        admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static ServerProcess.Resp await(String path, Predicate<ServerProcess.Resp> done) throws InterruptedException {
        return Eventually.poll(server, admin, path, done, CONVERGE);
    }

    static ServerProcess.Resp created(ServerProcess.Resp r) {
        assertThat(r.status()).as(r.toString()).isIn(200, 201, 202);
        return r;
    }

    static S3Client s3(String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build();
    }

    static String[] newKey(String user) {
        ServerProcess.Resp k = created(server.post(base + "/users/" + user + "/access-keys", admin, Map.of()));
        return new String[] {k.text("access_key"), k.text("secret_key")};
    }

    /** Retries an S3 call until the reconciler has pushed the change to the node (a few seconds at most). */
    static void eventually(Eventually.ThrowingRunnable check) throws Exception {
        Eventually.holds(CONVERGE, check);
    }

    @Test
    @Order(1)
    void createAnInstanceAsTheSeedReadmeShows() throws Exception {
        ServerProcess.Resp r = server.post("/v1/types/s3/instances", admin, Map.of("name", "s3-data", "version", "0.0.1",
                "bucket_name", "data-bucket", "encryption", "aes256", "versioning", true));
        assertThat(r.status()).as(r.toString()).isIn(201, 202);
        assertThat(r.text("id")).isNotBlank();
        assertThat(r.text("status")).isIn("PENDING", "CREATING");
        assertThat(r.body().has("nodes")).isTrue();
        base = "/v1/types/s3/instances/" + r.text("id");
        ServerProcess.Resp active = await(base, x -> "ACTIVE".equals(x.text("status")));
        endpoint = active.text("endpoint");
        assertThat(endpoint).startsWith("http://127.0.0.1:");
        assertThat(active.body().path("nodes").get(0).path("status").asText()).isEqualTo("RUNNING");
        assertThat(active.raw()).doesNotContain("root_secret");
        assertThat(server.nodeProcesses()).hasSize(1);
    }

    @Test
    @Order(2)
    void usersPoliciesAndKeysGrantExactlyWhatTheySay() throws Exception {
        created(server.post(base + "/users", admin, Map.of("name", "app")));
        created(server.post(base + "/policies", admin, Map.of("name", "data-rw", "content", POLICY_RW)));
        created(server.post(base + "/users/app/policies", admin, Map.of("policy", "data-rw")));
        created(server.post(base + "/buckets", admin, Map.of("name", "other-bucket")));
        String[] key = newKey("app");
        assertThat(key[1]).hasSize(40);
        try (S3Client s3 = s3(key[0], key[1])) {
            eventually(() -> s3.putObject(b -> b.bucket("data-bucket").key("hello.txt"), RequestBody.fromString("hello")));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("data-bucket").key("hello.txt")).asUtf8String()).isEqualTo("hello");
            assertThat(s3.listObjectsV2(b -> b.bucket("data-bucket")).contents()).extracting(S3Object::key)
                    .contains("hello.txt");
            eventually(() -> assertThatThrownBy(() -> s3.putObject(b -> b.bucket("other-bucket").key("x"),
                    RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied")));
            s3.deleteObject(b -> b.bucket("data-bucket").key("hello.txt"));
        }
        // The secret is shown once, never again.
        ServerProcess.Resp listed = server.get(base + "/users/app/access-keys/" + key[0], admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw()).doesNotContain(key[1]).doesNotContain("secret_key");
        // The seed README's boto3 example, verbatim, with the key.
        runBoto3(key[0], key[1]);
    }

    private static void runBoto3(String accessKey, String secretKey) throws Exception {
        Path script = Path.of("../node/src/test/python/readme_example.py");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true);
        pb.environment().put("S3AAS_ENDPOINT", endpoint);
        pb.environment().put("S3AAS_ACCESS_KEY", accessKey);
        pb.environment().put("S3AAS_SECRET_KEY", secretKey);
        pb.environment().put("S3AAS_BUCKET", "data-bucket");
        pb.environment().put("S3AAS_CREATE_BUCKET", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("b'hello'");
    }

    @Test
    @Order(3)
    void readOnlyPolicyCannotWriteAndTwoKeysOfOneUserBothWork() throws Exception {
        created(server.post(base + "/users", admin, Map.of("name", "reader")));
        created(server.post(base + "/policies", admin, Map.of("name", "data-ro", "content", POLICY_RO)));
        created(server.post(base + "/users/reader/policies", admin, Map.of("policy", "data-ro")));
        String[] k1 = newKey("reader");
        String[] k2 = newKey("reader");
        for (String[] k : List.of(k1, k2)) {
            try (S3Client s3 = s3(k[0], k[1])) {
                eventually(() -> s3.listObjectsV2(b -> b.bucket("data-bucket")));
                assertThatThrownBy(() -> s3.putObject(b -> b.bucket("data-bucket").key("nope"), RequestBody.fromString("x")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            }
        }
    }

    @Test
    @Order(4)
    void deletedKeyAndDeletedUserLoseAccess() throws Exception {
        created(server.post(base + "/users", admin, Map.of("name", "temp")));
        created(server.post(base + "/users/temp/policies", admin, Map.of("policy", "data-rw")));
        String[] k1 = newKey("temp");
        String[] k2 = newKey("temp");
        try (S3Client a = s3(k1[0], k1[1]); S3Client b = s3(k2[0], k2[1])) {
            eventually(() -> a.listObjectsV2(x -> x.bucket("data-bucket")));
            eventually(() -> b.listObjectsV2(x -> x.bucket("data-bucket")));
            assertThat(server.delete(base + "/users/temp/access-keys/" + k1[0], admin).status()).isIn(202, 204);
            eventually(() -> assertThatThrownBy(() -> a.listObjectsV2(x -> x.bucket("data-bucket")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403)));
            b.listObjectsV2(x -> x.bucket("data-bucket"));
            assertThat(server.delete(base + "/users/temp", admin).status()).isIn(202, 204);
            eventually(() -> assertThatThrownBy(() -> b.listObjectsV2(x -> x.bucket("data-bucket")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403)));
        }
    }

    @Test
    @Order(5)
    void publicBucketServesAnonymousGetsAndQuotaRefusesOversizedUploads() throws Exception {
        created(server.post(base + "/buckets", admin, Map.of("name", "public-bucket", "public", true,
                "quota_bytes", 1024 * 1024)));
        created(server.post(base + "/policies", admin, Map.of("name", "public-rw", "content", POLICY_RW
                .replace("data-bucket", "public-bucket"))));
        created(server.post(base + "/users", admin, Map.of("name", "publisher")));
        created(server.post(base + "/users/publisher/policies", admin, Map.of("policy", "public-rw")));
        String[] k = newKey("publisher");
        try (S3Client s3 = s3(k[0], k[1])) {
            eventually(() -> s3.putObject(b -> b.bucket("public-bucket").key("page.html"), RequestBody.fromString("<h1>hi")));
            HttpClient anon = HttpClient.newHttpClient();
            eventually(() -> assertThat(anon.send(HttpRequest.newBuilder(URI.create(endpoint + "/public-bucket/page.html"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("<h1>hi"));
            assertThat(anon.send(HttpRequest.newBuilder(URI.create(endpoint + "/public-bucket/x"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(403);
            eventually(() -> assertThatThrownBy(() -> s3.putObject(b -> b.bucket("public-bucket").key("big"),
                    RequestBody.fromBytes(new byte[2 * 1024 * 1024])))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403)));
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("public-bucket").key("big")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }

    @Test
    @Order(5)
    void prometheusScrapesTheNodeWithTheTokenTheControlPlaneMints() throws Exception {
        ServerProcess.Resp scrape = server.get(base + "/prometheus", admin);
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        String target = scrape.body().path("targets").get(0).asText();
        assertThat(target).isEqualTo(endpoint + "/metrics");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> m = http.send(HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + scrape.text("bearer_token")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
        PrometheusText metrics = PrometheusText.parse(m.body());
        assertThat(metrics.sum("s3aas_s3_requests_seconds_count", Map.of("operation", "PutObject", "status", "2xx")))
                .isPositive();
        assertThat(metrics.sum("s3aas_bucket_objects", Map.of("bucket", "data-bucket"))).isPositive();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(target)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("no token, no metrics").isEqualTo(403);
    }

    @Test
    @Order(6)
    void rolesAndProjectsAreEnforced() {
        ServerProcess.Resp me = server.get("/v1/types/s3/instances", admin);
        String project = me.body().get(0).path("project_id").asText();
        created(server.post("/v1/iam/users", admin, Map.of("name", "viewer1", "password", "viewer-password-1")));
        created(server.post("/v1/iam/role_bindings", admin, Map.of("user_id", "viewer1", "project_id", project,
                "role", "viewer")));
        created(server.post("/v1/iam/users", admin, Map.of("name", "operator1", "password", "operator-password-1")));
        created(server.post("/v1/iam/role_bindings", admin, Map.of("user_id", "operator1", "project_id", project,
                "role", "operator")));
        String viewer = server.login("viewer1", "viewer-password-1");
        String operator = server.login("operator1", "operator-password-1");
        assertThat(server.get(base, viewer).status()).isEqualTo(200);
        assertThat(server.post(base + "/buckets", viewer, Map.of("name", "viewer-bucket")).status()).isEqualTo(403);
        assertThat(server.post(base + "/users/app/access-keys", viewer, Map.of()).status()).isEqualTo(403);
        assertThat(server.get(base + "/users/app/access-keys", viewer).raw()).doesNotContain("secret");
        assertThat(server.delete(base, operator).status()).isEqualTo(403);
        assertThat(server.post(base + "/buckets", operator, Map.of("name", "operator-bucket")).status()).isIn(201, 202);
        // A user of another project sees nothing of this one.
        String other = created(server.post("/v1/iam/projects", admin, Map.of("name", "project-b"))).text("id");
        created(server.post("/v1/iam/users", admin, Map.of("name", "outsider", "password", "outsider-password")));
        created(server.post("/v1/iam/role_bindings", admin, Map.of("user_id", "outsider", "project_id", other,
                "role", "owner")));
        String outsider = server.login("outsider", "outsider-password");
        assertThat(server.get(base, outsider).status()).isEqualTo(404);
        assertThat(server.get("/v1/types/s3/instances", outsider).body()).isEmpty();
    }

    @Test
    @Order(7)
    void badPayloadsNameTheField() {
        ServerProcess.Resp r = server.post(base + "/buckets", admin, Map.of("name", "Not_A_Bucket"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("field")).isEqualTo("name");
        ServerProcess.Resp ro = server.post("/v1/types/s3/instances", admin, Map.of("name", "x1", "status", "ACTIVE"));
        assertThat(ro.status()).isIn(400, 409);
        assertThat(ro.text("field")).isEqualTo("status");
        ServerProcess.Resp bad = server.post(base + "/policies", admin, Map.of("name", "broken", "content", "{\"Version\":1}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("field")).isEqualTo("content");
    }

    @Test
    @Order(8)
    void killedMidReconcileTheControlPlaneConvergesAfterRestart() throws Exception {
        created(server.post(base + "/buckets", admin, Map.of("name", "after-crash")));
        created(server.post(base + "/users", admin, Map.of("name", "crash-user")));
        created(server.post(base + "/users/crash-user/policies", admin, Map.of("policy", "data-rw")));
        String[] key = newKey("crash-user");
        server.kill();
        server.start();
        admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        await(base, x -> "ACTIVE".equals(x.text("status")));
        try (S3Client s3 = s3(key[0], key[1])) {
            eventually(() -> s3.listObjectsV2(b -> b.bucket("data-bucket")));
        }
        created(server.post(base + "/policies", admin, Map.of("name", "crash-rw", "content", POLICY_RW
                .replace("data-bucket", "after-crash"))));
        created(server.post(base + "/users/crash-user/policies", admin, Map.of("policy", "crash-rw")));
        try (S3Client s3 = s3(key[0], key[1])) {
            eventually(() -> s3.putObject(b -> b.bucket("after-crash").key("k"), RequestBody.fromString("v")));
        }
        assertThat(server.nodeProcesses()).as("no duplicate nodes after the restart").hasSize(1);
    }

    @Test
    @Order(9)
    void deletingTheInstanceStopsItsNodesAndRemovesTheirData() throws Exception {
        Path nodes = server.dataDir.resolve("nodes");
        assertThat(server.delete(base, admin).status()).isIn(202, 204);
        await(base, x -> x.status() == 404);
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!server.nodeProcesses().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(server.nodeProcesses()).isEmpty();
        try (var children = Files.list(nodes)) {
            assertThat(children).as("node data removed").isEmpty();
        }
    }
}
