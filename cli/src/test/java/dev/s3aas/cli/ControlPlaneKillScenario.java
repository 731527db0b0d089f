package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 13 item 3: {@code kill -9} the control plane (a real process, on SQLite or PostgreSQL: the subclasses)
 * at random points while API writes are in flight, restart it on the same data dir, and check that it converges within 30 s: every instance ACTIVE,
 * exactly one node process per node the API reports (no duplicate, no orphan), and every key the API lists works
 * against the node with the AWS SDK (a key whose user has its policy attached can write its bucket). Kill count:
 * {@code -Dcpkill.kills=N} (default 12); seed: {@code -Dcpkill.seed=S} (printed).
 */
abstract class ControlPlaneKillScenario {
    private static final Duration CONVERGE = Duration.ofSeconds(30);
    private static final String PREFIX = "/v1/types/s3/instances";

    @TempDir
    Path work;
    ServerProcess server;
    String admin;

    /** The database the control plane runs on: extra server environment (empty: SQLite in the data dir). */
    abstract Map<String, String> database();

    @BeforeEach
    void start() throws Exception {
        server = new ServerProcess(Files.createDirectories(work.resolve("cp")), database());
        server.start();
        admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** The secret the test gives every key of user {@code u<i>}, so a key whose create response was lost is usable. */
    static String secretOf(String user) {
        return (user + "-secret-0123456789abcdefghijklmnopqrstuvwxyz").substring(0, 40);
    }

    static String policy(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],"
                + "\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"]}]}";
    }

    @Test
    void killedAtRandomPointsTheControlPlaneConvergesEveryTime() throws Exception {
        int kills = Integer.getInteger("cpkill.kills", 12);
        long seed = Long.getLong("cpkill.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " seed=" + seed + " kills=" + kills);
        Random rnd = new Random(seed);
        String main = server.post(PREFIX, admin, Map.of("name", "kill-main")).text("id");
        String base = PREFIX + "/" + main;
        Eventually.poll(server, admin, base, r -> "ACTIVE".equals(r.text("status")), Duration.ofSeconds(60));
        List<Long> convergeMillis = new ArrayList<>();
        ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < kills; i++) {
                int n = i;
                Future<?> writes = writer.submit(() -> issueWrites(base, n));
                Thread.sleep(rnd.nextInt(1500));
                server.kill();
                waitQuietly(writes);
                long t0 = System.nanoTime();
                server.start();
                admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
                Eventually.holds(CONVERGE, () -> checkConverged(base));
                convergeMillis.add((System.nanoTime() - t0) / 1_000_000);
                System.out.println("kill " + (n + 1) + "/" + kills + " converged in " + convergeMillis.getLast() + " ms");
            }
        } finally {
            writer.shutdownNow();
        }
        Collections.sort(convergeMillis);
        System.out.println(getClass().getSimpleName() + " seed=" + seed + " kills=" + kills + " convergence ms min="
                + convergeMillis.getFirst() + " median=" + convergeMillis.get(convergeMillis.size() / 2) + " max="
                + convergeMillis.getLast());
    }

    /** One round of writes, in dependency order, without waiting for the reconciler; every 4th also creates an instance. */
    private void issueWrites(String base, int n) {
        try {
            if (n % 4 == 0) {
                server.post(PREFIX, admin, Map.of("name", "kill-extra-" + n));
            }
            String bucket = "kill-bucket-" + n;
            String user = "u" + n;
            server.post(base + "/buckets", admin, Map.of("name", bucket));
            server.post(base + "/users", admin, Map.of("name", user));
            server.post(base + "/policies", admin, Map.of("name", "p" + n, "content", policy(bucket)));
            server.post(base + "/users/" + user + "/policies", admin, Map.of("policy", "p" + n));
            server.post(base + "/users/" + user + "/access-keys", admin, Map.of("secret_key", secretOf(user)));
        } catch (IllegalStateException e) {
            // the control plane was killed under the call: what it committed is what the check expects
        }
    }

    private static void waitQuietly(Future<?> f) throws InterruptedException {
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("writer did not finish after the kill", e);
        }
    }

    private void checkConverged(String base) throws Exception {
        ServerProcess.Resp all = server.get(PREFIX, admin);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        int apiNodes = 0;
        for (JsonNode inst : all.body()) {
            assertThat(inst.path("status").asText()).as(inst.toString()).isEqualTo("ACTIVE");
            for (JsonNode node : inst.path("nodes")) {
                assertThat(node.path("status").asText()).as(inst.toString()).isEqualTo("RUNNING");
                apiNodes++;
            }
        }
        assertThat(server.nodeProcesses()).as("node processes vs the API's nodes").hasSize(apiNodes);
        ServerProcess.Resp inst = server.get(base, admin);
        String endpoint = inst.text("endpoint");
        List<String> buckets = new ArrayList<>();
        server.get(base + "/buckets", admin).body().forEach(b -> buckets.add(b.path("name").asText()));
        for (JsonNode u : server.get(base + "/users", admin).body()) {
            String user = u.path("name").asText();
            JsonNode keys = server.get(base + "/users/" + user + "/access-keys", admin).body();
            assertThat(keys.size()).as("keys of " + user + " (one create each, never re-issued)").isLessThanOrEqualTo(1);
            List<String> attached = new ArrayList<>();
            server.get(base + "/users/" + user + "/policies", admin).body()
                    .forEach(a -> attached.add(a.path("policy").asText()));
            String n = user.substring(1);
            boolean canWrite = attached.stream().anyMatch(p -> p.equals("p" + n) || p.endsWith("/p" + n))
                    && buckets.contains("kill-bucket-" + n);
            for (JsonNode k : keys) {
                checkKey(endpoint, k.path("access_key").asText(), secretOf(user), canWrite ? "kill-bucket-" + n : null);
            }
        }
    }

    /** The key is known to the node (signature accepted); with its policy attached it writes its bucket. */
    private static void checkKey(String endpoint, String accessKey, String secret, String writableBucket) {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build()) {
            if (writableBucket != null) {
                s3.putObject(b -> b.bucket(writableBucket).key("probe"), RequestBody.fromString("x"));
                assertThat(s3.getObjectAsBytes(b -> b.bucket(writableBucket).key("probe")).asUtf8String()).isEqualTo("x");
                return;
            }
            try {
                s3.listBuckets();
            } catch (S3Exception e) {
                assertThat(e.awsErrorDetails().errorCode()).as("key " + accessKey + " must exist on the node")
                        .isEqualTo("AccessDenied");
            }
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new AssertionError("node at " + endpoint + " not reachable", e);
        }
    }
}
