package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Ceph engine end to end: a real cluster ({@link LocalCeph}: 1 mon, 3 memstore OSDs in a size-3 /
 * min_size-2 pool, 2 RGW gateways), {@code s3aas server} as a process, the REST API, and the AWS SDK and
 * boto3 (old and new) against the gateways. Maven profile {@code ceph} (part of {@code ./run-tests}).
 */
@Tag("ceph")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CephEngineEndToEndTest {
    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static final String POLICY_RW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::data-bucket\",\"arn:aws:s3:::data-bucket/*\"]}]}";
    private static final String POLICY_RO = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data-bucket\","
            + "\"arn:aws:s3:::data-bucket/*\"]}]}";
    private static final String INSTANCES = "/v1/types/s3/instances";

    @TempDir
    static Path work;
    static LocalCeph ceph;
    static ServerProcess server;
    static String admin;
    static String gw1;
    static String gw2;
    static String first;
    static String base;
    static String[] appKey;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerProcess(Files.createDirectories(work.resolve("cp")));
        server.start();
        admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        ceph = LocalCeph.start(work.resolve("ceph"));
        gw1 = ceph.get("CEPH_GATEWAY_1");
        gw2 = ceph.get("CEPH_GATEWAY_2");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (ceph != null) {
                ceph.close();
            }
        }
    }

    static ServerProcess.Resp await(String path, Predicate<ServerProcess.Resp> done) throws InterruptedException {
        return Eventually.poll(server, admin, path, done, CONVERGE);
    }

    static ServerProcess.Resp ok(ServerProcess.Resp r) {
        assertThat(r.status()).as(r.toString()).isIn(200, 201, 202, 204);
        return r;
    }

    static boolean cleanActive(ServerProcess.Resp r) {
        return "ACTIVE".equals(r.text("status")) && "".equals(r.text("status_reason"))
                && r.body().path("generation").asLong() == r.body().path("observed_generation").asLong();
    }

    /**
     * The AWS SDK against a gateway. Pacific's RGW predates the SDK's default CRC checksums (sent as aws-chunked
     * trailers), so checksums are only sent and checked when an operation requires them: what any user of
     * Ceph 16 sets.
     */
    static S3Client s3(String gateway, String[] key) {
        return S3Client.builder().endpointOverride(URI.create(gateway)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key[0], key[1])))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build();
    }

    static String[] newKey(String instanceBase, String user) {
        ServerProcess.Resp k = ok(server.post(instanceBase + "/users/" + user + "/access-keys", admin, Map.of()));
        return new String[] {k.text("access_key"), k.text("secret_key")};
    }

    static void eventually(Eventually.ThrowingRunnable check) throws Exception {
        Eventually.holds(CONVERGE, check);
    }

    static String tenant(String instanceId) {
        return "s3aas" + instanceId.replace("-", "");
    }

    @Test
    @Order(1)
    void registerTheClusterAndSeeWhatItCanDo() throws Exception {
        ServerProcess.Resp r = ok(server.post("/v1/types/s3/clusters", admin, Map.of("name", "ceph-local",
                "engine", "ceph", "gateways", List.of(gw1, gw2),
                "admin_access_key", ceph.get("CEPH_ADMIN_ACCESS_KEY"),
                "admin_secret_key", ceph.get("CEPH_ADMIN_SECRET_KEY"),
                "prometheus_url", ceph.get("CEPH_PROMETHEUS"))));
        assertThat(r.raw()).doesNotContain(ceph.get("CEPH_ADMIN_SECRET_KEY"));
        ServerProcess.Resp active = await("/v1/types/s3/clusters/ceph-local", c -> "ACTIVE".equals(c.text("status")));
        JsonNode caps = active.body().path("capabilities");
        for (String yes : List.of("versioning", "object_lock", "quota", "policies")) {
            assertThat(caps.path(yes).path("supported").asBoolean()).as(yes + ": " + caps).isTrue();
        }
        // Pacific without a key backend has no SSE-S3, and MFA devices need radosgw-admin.
        assertThat(caps.path("encryption").path("supported").asBoolean()).isFalse();
        assertThat(caps.path("mfa_delete").path("supported").asBoolean()).isFalse();
        assertThat(active.body().path("gateway_health")).hasSize(2);
        // The probe cleaned up after itself: no scratch tenant is left.
        assertThat(ceph.radosgwAdmin("user", "list")).doesNotContain("s3aasprobe");
    }

    @Test
    @Order(2)
    void createAnInstanceWithTheSeedFieldsOnTheCluster() throws Exception {
        ServerProcess.Resp refused = server.post(INSTANCES, admin, Map.of("name", "s3-data", "version", "0.0.1",
                "bucket_name", "data-bucket", "encryption", "aes256", "versioning", true, "cluster", "ceph-local"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("field")).isEqualTo("encryption");
        assertThat(refused.text("message")).contains("cannot do encryption").contains("key backend");

        ServerProcess.Resp r = ok(server.post(INSTANCES, admin, Map.of("name", "s3-data", "version", "0.0.1",
                "bucket_name", "data-bucket", "encryption", "none", "versioning", true, "cluster", "ceph-local")));
        first = r.text("id");
        base = INSTANCES + "/" + first;
        ServerProcess.Resp active = await(base, CephEngineEndToEndTest::cleanActive);
        assertThat(active.body().path("nodes")).hasSize(2);
        assertThat(active.body().path("nodes").get(0).path("status").asText()).isEqualTo("HEALTHY");
        assertThat(active.text("endpoint")).isEqualTo(gw1);
        assertThat(active.text("cluster")).isEqualTo("ceph-local");
        assertThat(ceph.radosgwAdmin("bucket", "list", "--uid=" + tenant(first) + "$s3aas~root")).contains("data-bucket");
    }

    @Test
    @Order(3)
    void usersPoliciesAndKeysWorkThroughEitherGateway() throws Exception {
        ok(server.post(base + "/users", admin, Map.of("name", "app")));
        ok(server.post(base + "/policies", admin, Map.of("name", "data-rw", "content", POLICY_RW)));
        ok(server.post(base + "/users/app/policies", admin, Map.of("policy", "data-rw")));
        appKey = newKey(base, "app");
        try (S3Client one = s3(gw1, appKey); S3Client two = s3(gw2, appKey)) {
            eventually(() -> one.putObject(b -> b.bucket("data-bucket").key("hello.txt"), RequestBody.fromString("hello")));
            assertThat(two.getObjectAsBytes(b -> b.bucket("data-bucket").key("hello.txt")).asUtf8String())
                    .isEqualTo("hello");
            byte[] big = new byte[9 * 1024 * 1024 + 3];
            new java.util.Random(7).nextBytes(big);
            two.putObject(b -> b.bucket("data-bucket").key("big.bin"), RequestBody.fromBytes(big));
            assertThat(one.getObjectAsBytes(b -> b.bucket("data-bucket").key("big.bin")).asByteArray()).isEqualTo(big);
            // Buckets are the control plane's: instance users create none (RGW would let any user, policies or not).
            assertThatThrownBy(() -> one.createBucket(b -> b.bucket("elsewhere")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        for (String python : List.of("/usr/bin/python3", "python3")) {
            runBoto3(python, appKey);
        }

        ok(server.post(base + "/users", admin, Map.of("name", "reader")));
        ok(server.post(base + "/policies", admin, Map.of("name", "data-ro", "content", POLICY_RO)));
        ok(server.post(base + "/users/reader/policies", admin, Map.of("policy", "data-ro")));
        String[] ro = newKey(base, "reader");
        try (S3Client reader = s3(gw2, ro)) {
            eventually(() -> assertThat(reader.getObjectAsBytes(b -> b.bucket("data-bucket").key("hello.txt"))
                    .asUtf8String()).isEqualTo("hello"));
            assertThatThrownBy(() -> reader.putObject(b -> b.bucket("data-bucket").key("nope"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    private static void runBoto3(String python, String[] key) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(python, "src/test/python/two_gateways.py").redirectErrorStream(true);
        pb.environment().put("S3AAS_GATEWAY_1", gw1);
        pb.environment().put("S3AAS_GATEWAY_2", gw2);
        pb.environment().put("S3AAS_ACCESS_KEY", key[0]);
        pb.environment().put("S3AAS_SECRET_KEY", key[1]);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(python + ": " + out).isZero();
        assertThat(out).contains("b'hello'").contains("ok");
    }

    @Test
    @Order(4)
    void disabledAndExpiredKeysAndDisabledUsersLoseAccessAndComeBack() throws Exception {
        String keyPath = base + "/users/app/access-keys/" + appKey[0];
        try (S3Client s3 = s3(gw1, appKey)) {
            ok(server.patch(keyPath, admin, Map.of("status", "INACTIVE")));
            eventually(() -> assertThatThrownBy(() -> s3.headObject(b -> b.bucket("data-bucket").key("hello.txt")))
                    .isInstanceOf(S3Exception.class));
            ok(server.patch(keyPath, admin, Map.of("status", "ACTIVE")));
            eventually(() -> s3.headObject(b -> b.bucket("data-bucket").key("hello.txt")));
            ok(server.patch(base + "/users/app", admin, Map.of("status", "DISABLED")));
            eventually(() -> assertThatThrownBy(() -> s3.headObject(b -> b.bucket("data-bucket").key("hello.txt")))
                    .isInstanceOf(S3Exception.class));
            ok(server.patch(base + "/users/app", admin, Map.of("status", "ACTIVE")));
            eventually(() -> s3.headObject(b -> b.bucket("data-bucket").key("hello.txt")));
        }
        String[] shortLived = newKeyExpiring("app", java.time.Instant.now().plusSeconds(8).toString());
        try (S3Client s3 = s3(gw2, shortLived)) {
            eventually(() -> s3.headObject(b -> b.bucket("data-bucket").key("hello.txt")));
            eventually(() -> assertThatThrownBy(() -> s3.headObject(b -> b.bucket("data-bucket").key("hello.txt")))
                    .isInstanceOf(S3Exception.class));
        }
    }

    private static String[] newKeyExpiring(String user, String at) {
        ServerProcess.Resp k = ok(server.post(base + "/users/" + user + "/access-keys", admin, Map.of("expires_at", at)));
        return new String[] {k.text("access_key"), k.text("secret_key")};
    }

    @Test
    @Order(5)
    void aSecondInstanceWithTheSameBucketNameIsIsolated() throws Exception {
        ServerProcess.Resp r = ok(server.post(INSTANCES, admin, Map.of("name", "s3-other", "bucket_name", "data-bucket",
                "cluster", "ceph-local")));
        String other = INSTANCES + "/" + r.text("id");
        await(other, CephEngineEndToEndTest::cleanActive);
        ok(server.post(other + "/users", admin, Map.of("name", "app")));
        ok(server.post(other + "/policies", admin, Map.of("name", "data-rw", "content", POLICY_RW)));
        ok(server.post(other + "/users/app/policies", admin, Map.of("policy", "data-rw")));
        String[] key = newKey(other, "app");
        try (S3Client mine = s3(gw2, key); S3Client theirs = s3(gw2, appKey)) {
            eventually(() -> mine.putObject(b -> b.bucket("data-bucket").key("other.txt"), RequestBody.fromString("b")));
            assertThat(mine.listObjectsV2(b -> b.bucket("data-bucket")).contents()).extracting(o -> o.key())
                    .containsExactly("other.txt");
            assertThat(theirs.listObjectsV2(b -> b.bucket("data-bucket")).contents()).extracting(o -> o.key())
                    .doesNotContain("other.txt").contains("hello.txt");
        }
        ok(server.delete(other, admin));
        await(INSTANCES + "?name=s3-other", l -> l.body().isEmpty());
        String t = tenant(r.text("id"));
        assertThat(ceph.radosgwAdmin("metadata", "list", "user")).doesNotContain(t);
        assertThat(ceph.radosgwAdmin("metadata", "list", "bucket")).doesNotContain(t);
    }

    @Test
    @Order(6)
    void quotaVersioningAndObjectLockAreEnforcedByTheCluster() throws Exception {
        ok(server.post(base + "/buckets", admin, Map.of("name", "small", "quota_bytes", 10000)));
        ok(server.post(base + "/buckets", admin, Map.of("name", "locked", "object_lock_enabled", true,
                "default_retention_mode", "GOVERNANCE", "default_retention_days", 1)));
        ok(server.post(base + "/policies", admin, Map.of("name", "all", "content", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::*\"]}]}")));
        ok(server.post(base + "/users/app/policies", admin, Map.of("policy", "all")));
        await(base, CephEngineEndToEndTest::cleanActive);
        try (S3Client s3 = s3(gw1, appKey)) {
            eventually(() -> s3.putObject(b -> b.bucket("small").key("a"), RequestBody.fromBytes(new byte[6000])));
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("small").key("b"), RequestBody.fromBytes(new byte[6000])))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QuotaExceeded"));
            // The usage route reads the same bucket stats RGW checked the quota against: one object, 6000 bytes.
            Eventually.poll(server, admin, base + "/buckets/small/usage", r -> r.status() == 200
                    && r.body().path("objects").asLong() == 1 && r.body().path("bytes").asLong() == 6000, CONVERGE);

            s3.putObject(b -> b.bucket("data-bucket").key("v"), RequestBody.fromString("one"));
            s3.putObject(b -> b.bucket("data-bucket").key("v"), RequestBody.fromString("two"));
            List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket("data-bucket").prefix("v")).versions();
            assertThat(versions).hasSize(2);

            s3.putObject(b -> b.bucket("locked").key("kept"), RequestBody.fromString("locked"));
            String vid = s3.headObject(b -> b.bucket("locked").key("kept")).versionId();
            assertThat(s3.headObject(b -> b.bucket("locked").key("kept")).objectLockModeAsString()).isEqualTo("GOVERNANCE");
            assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("locked").key("kept").versionId(vid)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        ServerProcess.Resp patched = server.patch(base + "/buckets/small", admin, Map.of("quota_bytes", 100000));
        ok(patched);
        try (S3Client s3 = s3(gw2, appKey)) {
            eventually(() -> s3.putObject(b -> b.bucket("small").key("b"), RequestBody.fromBytes(new byte[6000])));
        }
    }

    @Test
    @Order(7)
    void driftInsideTheTenantIsRepairedAndNothingOutsideIsTouched() throws Exception {
        String t = tenant(first);
        ceph.radosgwAdmin("user", "create", "--uid=outsider", "--display-name=outsider");
        ceph.radosgwAdmin("user", "rm", "--uid=" + t + "$reader");
        ceph.radosgwAdmin("user", "create", "--uid=" + t + "$intruder", "--display-name=intruder");
        ceph.radosgwAdmin("caps", "add", "--uid=" + t + "$app", "--caps=users=read");
        eventually(() -> {
            String users = ceph.radosgwAdmin("metadata", "list", "user");
            assertThat(users).contains(t + "$reader").doesNotContain(t + "$intruder").contains("outsider");
        });
        // The repaired user got its key and its policy back; app's policies, dropped by RGW when its caps
        // changed, are back too.
        try (S3Client again = s3(gw1, newKeyOf("reader")); S3Client app = s3(gw2, appKey)) {
            eventually(() -> again.headObject(b -> b.bucket("data-bucket").key("hello.txt")));
            eventually(() -> app.putObject(b -> b.bucket("data-bucket").key("after-drift"), RequestBody.fromString("x")));
        }
        ceph.radosgwAdmin("user", "rm", "--uid=outsider");
        await(base, CephEngineEndToEndTest::cleanActive);
    }

    private static String[] newKeyOf(String user) {
        return newKey(base, user);
    }

    @Test
    @Order(8)
    void oneOsdDownStillServesAndTheClusterHealthIsReported() throws Exception {
        ceph.run(60, "kill-osd", "2");
        try (S3Client s3 = s3(gw1, appKey)) {
            s3.putObject(b -> b.bucket("data-bucket").key("degraded"), RequestBody.fromString("still here"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("data-bucket").key("degraded")).asUtf8String())
                    .isEqualTo("still here");
            ServerProcess.Resp warned = await(base, i -> i.text("status_reason").contains("HEALTH_WARN"));
            assertThat(warned.text("status")).isEqualTo("ACTIVE");
            assertThat(warned.text("status_reason")).contains("OSD_DOWN");
        } finally {
            ceph.run(120, "start-osd", "2");
        }
        try (S3Client s3 = s3(gw2, appKey)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("data-bucket").key("degraded")).asUtf8String())
                    .isEqualTo("still here");
        }
    }

    @Test
    @Order(9)
    void aDeadGatewayIsReportedWhileTheOtherServesThenTheInstanceRecovers() throws Exception {
        ceph.run(60, "kill-gateway", "2");
        long killed = System.nanoTime();
        try {
            ServerProcess.Resp degraded = await(base, i -> i.text("status_reason").contains("gateway " + gw2 + " unreachable"));
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(60));
            assertThat(degraded.text("endpoint")).isEqualTo(gw1);
            List<String> statuses = new ArrayList<>();
            degraded.body().path("nodes").forEach(n -> statuses.add(n.path("status").asText()));
            assertThat(statuses).containsExactly("HEALTHY", "UNREACHABLE");
            try (S3Client s3 = s3(gw1, appKey)) {
                s3.putObject(b -> b.bucket("data-bucket").key("one-gateway"), RequestBody.fromString("served"));
            }
        } finally {
            ceph.run(120, "start-gateway", "2");
        }
        await(base, i -> cleanActive(i) && !i.text("status_reason").contains("HEALTH"));
        try (S3Client s3 = s3(gw2, appKey)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("data-bucket").key("one-gateway")).asUtf8String())
                    .isEqualTo("served");
        }
    }

    @Test
    @Order(10)
    void deletingTheInstanceRemovesTheWholeTenantAndThenTheClusterCanGo() throws Exception {
        assertThat(server.delete("/v1/types/s3/clusters/ceph-local", admin).status()).isEqualTo(409);
        ok(server.delete(base, admin));
        await(INSTANCES + "?name=s3-data", l -> l.body().isEmpty());
        String t = tenant(first);
        assertThat(ceph.radosgwAdmin("metadata", "list", "user")).doesNotContain(t);
        assertThat(ceph.radosgwAdmin("metadata", "list", "bucket")).doesNotContain(t);
        assertThat(ceph.radosgwAdmin("metadata", "list", "user")).contains("s3aas-admin");
        assertThat(server.delete("/v1/types/s3/clusters/ceph-local", admin).status()).isEqualTo(204);
    }
}
