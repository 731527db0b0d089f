package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The crash loop: a node process under a mixed concurrent workload ({@link CrashWorkload}) is killed with
 * {@code kill -9} at a random moment, restarted, and checked against the {@link CrashModel} ({@link CrashChecker}),
 * {@code crashloop.kills} times (30 here; {@code bin/crash-loop} runs 300). At the end every object is deleted and
 * no blob file may remain. Seeded ({@code crashloop.seed}); the seed is in every failure message.
 */
class CrashLoopTest {
    private static final int WRITERS = 6;
    static final List<String> BUCKETS = List.of(CrashWorkload.PLAIN, CrashWorkload.VERSIONED,
            CrashWorkload.LOCKED);

    @TempDir
    Path work;

    @Test
    void mixedWorkloadSurvivesRepeatedKillNine() throws Exception {
        int kills = Integer.getInteger("crashloop.kills", 30);
        long seed = Long.getLong("crashloop.seed", new Random().nextLong());
        String tag = "crashloop.seed=" + seed;
        System.out.println("[crash-loop] " + tag + " kills=" + kills);
        Random rnd = new Random(seed);
        Path data = work.resolve("data");
        CrashModel model = new CrashModel();
        AtomicLong generation = new AtomicLong();
        PhaseTimes times = new PhaseTimes();
        long totalAcked = 0;
        long started = System.nanoTime();
        ExecutorService parts = Executors.newFixedThreadPool(2 * WRITERS);
        Process running = null;
        try {
            for (int round = 0; round <= kills; round++) {
                long t = System.nanoTime();
                NodeProcess.Started node = NodeProcess.launch(data, work);
                running = node.process();
                t = times.done("start", t);
                awaitReady(node.port());
                t = times.done("ready", t);
                try (S3Client s3 = client(node.port())) {
                    if (round == 0) {
                        createBuckets(s3);
                    }
                    CrashChecker checker = new CrashChecker(s3, model, data);
                    List<CrashChecker.Finding> findings = checker.check(BUCKETS);
                    assertThat(findings).as(tag + " round " + round).isEmpty();
                    times.done("check", t);
                    System.out.println("[crash-loop] round " + round + ": " + times.lastOfEach() + "; checked "
                            + checker.readStats());
                    if (round == kills) {
                        deleteEverything(s3);
                        node.process().destroyForcibly().waitFor();
                        break;
                    }
                    totalAcked += loadThenKill(s3, node.process(), model, rnd, generation, parts, tag, round, times);
                }
            }
            // Everything deleted, and the collector's queue lost to a final kill: the next start must leave no blob.
            NodeProcess.Started node = NodeProcess.launch(data, work);
            running = node.process();
            awaitReady(node.port());
            Poll.until("no blob files left", () -> blobFiles(data) == 0);
        } finally {
            parts.shutdownNow();
            if (running != null) {
                running.destroyForcibly().waitFor();
            }
        }
        assertThat(blobFiles(data)).as(tag + ": orphaned blob files").isZero();
        List<Long> recovery = new ArrayList<>();
        for (int i = 0; i < times.of("start").size(); i++) {
            recovery.add(times.of("start").get(i) + times.of("ready").get(i));
        }
        Collections.sort(recovery);
        System.out.printf("[crash-loop] %s: %d kills, %d operations acknowledged in %.1f s, recovery (start to"
                        + " /ready 200) min %d ms, median %d ms, max %d ms; per round:%n%s%n", tag, kills, totalAcked,
                (System.nanoTime() - started) / 1e9, recovery.get(0), recovery.get(recovery.size() / 2),
                recovery.get(recovery.size() - 1), times.summary());
        assertThat(totalAcked).as(tag).isGreaterThan(kills * 5L);
    }

    private static long loadThenKill(S3Client s3, Process process, CrashModel model, Random rnd, AtomicLong gen,
                                     ExecutorService parts, String tag, int round, PhaseTimes times)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<CrashWorkload> workers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            CrashWorkload wl = new CrashWorkload(s3, model, rnd.nextLong(), w, gen, stop, killed, parts, errors);
            workers.add(wl);
            pool.submit(wl);
        }
        long t = System.nanoTime();
        Thread.sleep(300 + rnd.nextInt(1500));
        t = times.done("load", t);
        killed.set(true);
        process.destroyForcibly();
        process.waitFor();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as(tag + ": workload threads end").isTrue();
        times.done("kill", t);
        assertThat(errors).as(tag + " round " + round + ": errors before the kill").isEmpty();
        return workers.stream().mapToLong(w -> w.acked.get()).sum();
    }

    static void createBuckets(S3Client s3) {
        s3.createBucket(b -> b.bucket(CrashWorkload.PLAIN));
        s3.createBucket(b -> b.bucket(CrashWorkload.VERSIONED));
        s3.putBucketVersioning(b -> b.bucket(CrashWorkload.VERSIONED)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.createBucket(b -> b.bucket(CrashWorkload.LOCKED).objectLockEnabledForBucket(true));
    }

    private static void deleteEverything(S3Client s3) {
        for (String bucket : BUCKETS) {
            var versions = s3.listObjectVersionsPaginator(b -> b.bucket(bucket));
            for (ObjectVersion v : versions.versions()) {
                s3.deleteObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())
                        .bypassGovernanceRetention(CrashWorkload.LOCKED.equals(bucket)));
            }
            versions.deleteMarkers().forEach(d -> s3.deleteObject(b -> b.bucket(bucket).key(d.key())
                    .versionId(d.versionId())));
            s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().forEach(u ->
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
        }
    }

    private static long blobFiles(Path data) throws Exception {
        try (Stream<Path> s = Files.walk(data.resolve("blobs"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> last;
        while ((last = http.send(req, HttpResponse.BodyHandlers.ofString())).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node not ready within 60 s: " + last.statusCode() + " "
                        + last.body());
            }
            Thread.sleep(10);
        }
    }

    /** An SDK client that never retries: a retried PUT after a reset connection could add a second version. */
    static S3Client client(int port) {
        return S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestNode.ACCESS_KEY, TestNode.SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy
                        .doNotRetry()).apiCallTimeout(Duration.ofSeconds(60)))
                .forcePathStyle(true).httpClient(ApacheHttpClient.builder().maxConnections(64).build()).build();
    }
}
