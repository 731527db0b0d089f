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
    private static final List<String> BUCKETS = List.of(CrashWorkload.PLAIN, CrashWorkload.VERSIONED,
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
        List<Long> recoveryMillis = new ArrayList<>();
        long totalAcked = 0;
        ExecutorService parts = Executors.newFixedThreadPool(2 * WRITERS);
        try {
            for (int round = 0; round <= kills; round++) {
                long t0 = System.nanoTime();
                NodeProcess.Started node = NodeProcess.launch(data, work);
                awaitReady(node.port());
                recoveryMillis.add((System.nanoTime() - t0) / 1_000_000);
                try (S3Client s3 = client(node.port())) {
                    try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
                        assertThat(tmp.toList()).as(tag + " round " + round + ": tmp/ after recovery").isEmpty();
                    }
                    if (round == 0) {
                        createBuckets(s3);
                    }
                    List<String> problems = new CrashChecker(s3, model).check(BUCKETS);
                    assertThat(problems).as(tag + " round " + round).isEmpty();
                    if (round == kills) {
                        deleteEverything(s3);
                        node.process().destroyForcibly().waitFor();
                        break;
                    }
                    totalAcked += loadThenKill(s3, node.process(), model, rnd, generation, parts, tag, round);
                }
            }
        } finally {
            parts.shutdownNow();
        }
        // Everything deleted, and the collector's queue lost to a final kill: the next start must leave no blob.
        NodeProcess.Started node = NodeProcess.launch(data, work);
        awaitReady(node.port());
        try {
            Poll.until("no blob files left", () -> blobFiles(data) == 0);
        } finally {
            node.process().destroyForcibly().waitFor();
        }
        assertThat(blobFiles(data)).as(tag + ": orphaned blob files").isZero();
        List<Long> sorted = new ArrayList<>(recoveryMillis);
        Collections.sort(sorted);
        System.out.printf("[crash-loop] %s: %d kills, %d operations acknowledged, recovery (start to /ready 200)"
                        + " min %d ms, median %d ms, max %d ms%n", tag, kills, totalAcked, sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(totalAcked).as(tag).isGreaterThan(kills * 5L);
    }

    private static long loadThenKill(S3Client s3, Process process, CrashModel model, Random rnd, AtomicLong gen,
                                     ExecutorService parts, String tag, int round) throws Exception {
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
        Thread.sleep(300 + rnd.nextInt(1500));
        killed.set(true);
        process.destroyForcibly();
        process.waitFor();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as(tag + ": workload threads end").isTrue();
        assertThat(errors).as(tag + " round " + round + ": errors before the kill").isEmpty();
        return workers.stream().mapToLong(w -> w.acked.get()).sum();
    }

    private static void createBuckets(S3Client s3) {
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
        while (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node not ready within 60 s");
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
