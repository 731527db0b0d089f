package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.node.it.CrashChecker.Finding;
import dev.s3aas.node.it.CrashModel.Ver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The crash loop's checker can fail: after a short {@link CrashWorkload} run against a real node (no kill), the
 * checker finds nothing; then real faults are made behind the model's back — through S3 and in the data dir —
 * and the checker must report each one under its own key or file, and nothing else.
 */
class CrashCheckerTest {
    private static final int WRITERS = 6;
    private static final long SEED = 20261203L;

    @TempDir
    Path work;

    @Test
    void reportsEveryFaultMadeBehindTheModelsBack() throws Exception {
        Path data = work.resolve("data");
        try (TestNode node = new TestNode(data); S3Client s3 = CrashLoopTest.client(node.port())) {
            CrashLoopTest.createBuckets(s3);
            CrashModel model = new CrashModel();
            runWorkloadUntilEnoughObjects(s3, model);
            CrashChecker checker = new CrashChecker(s3, model, data);
            assertThat(checker.check(CrashLoopTest.BUCKETS)).as("the untouched node matches the model").isEmpty();

            // Inline objects (<= 128 KiB) only, so no blob file is released behind the check's back.
            List<String> plain = currentKeys(model, CrashWorkload.PLAIN, true);
            String lost = plain.get(0);
            String changed = plain.get(1);
            String remetadata = plain.get(2);
            String retagged = currentKeys(model, CrashWorkload.VERSIONED, false).get(0);
            Map<String, String> expected = new LinkedHashMap<>();

            // (a) an acknowledged write lost
            s3.deleteObject(b -> b.bucket(CrashWorkload.PLAIN).key(lost));
            expected.put(id(CrashWorkload.PLAIN, lost), "lost");
            // (b) the same size, metadata and tags, other bytes
            Ver old = model.current(CrashWorkload.PLAIN, changed);
            byte[] other = CrashWorkload.content(-1, (int) old.size());
            put(s3, changed, old, other);
            expected.put(id(CrashWorkload.PLAIN, changed), "content differs: sha256 " + CrashWorkload.sha256(other));
            // (c) an object nobody acknowledged
            s3.putObject(b -> b.bucket(CrashWorkload.PLAIN).key("w9/unacked"), RequestBody.fromString("half"));
            expected.put(id(CrashWorkload.PLAIN, "w9/unacked"), "not acknowledged");
            // (d) user metadata replaced in place (a self-copy), and tags changed on the latest version
            s3.copyObject(b -> b.sourceBucket(CrashWorkload.PLAIN).sourceKey(remetadata)
                    .destinationBucket(CrashWorkload.PLAIN).destinationKey(remetadata)
                    .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("gen", "forged")));
            expected.put(id(CrashWorkload.PLAIN, remetadata), "user metadata {gen=forged}");
            String vid = model.current(CrashWorkload.VERSIONED, retagged).versionId();
            s3.putObjectTagging(b -> b.bucket(CrashWorkload.VERSIONED).key(retagged).versionId(vid)
                    .tagging(t -> t.tagSet(Tag.builder().key("t").value("forged").build())));
            expected.put(id(CrashWorkload.VERSIONED, retagged), "tags {t=forged}");
            // (e) an orphaned blob file, (f) a file left in tmp/
            Path orphan = data.resolve("blobs/ab/ab" + "0".repeat(29) + "1");
            Files.write(orphan, new byte[70_000]);
            expected.put("blobs/", "1 orphaned");
            Path leftover = data.resolve("tmp/cd" + "0".repeat(29) + "2");
            Files.write(leftover, new byte[1234]);
            expected.put("tmp/" + leftover.getFileName(), "left in tmp/");

            List<Finding> findings = checker.check(CrashLoopTest.BUCKETS);
            System.out.println("[crash-checker] findings:\n  " + findings.stream().map(Finding::toString)
                    .collect(Collectors.joining("\n  ")));
            expected.forEach((subject, problem) -> assertThat(findings)
                    .as("a finding for " + subject + " saying '" + problem + "'")
                    .anySatisfy(f -> {
                        assertThat(f.subject()).isEqualTo(subject);
                        assertThat(f.problem()).contains(problem);
                    }));
            assertThat(findings).as("findings only for the faults made")
                    .allSatisfy(f -> assertThat(expected).containsKey(f.subject()));
            // Every fault undone, the checker is quiet again: the findings were about those faults only.
            undo(s3, model, data, lost, changed, remetadata, retagged, orphan, leftover);
            assertThat(checker.check(CrashLoopTest.BUCKETS)).as("after undoing the faults").isEmpty();
        }
    }

    /** Runs the crash loop's workload (no kill) until the faults below have objects to act on. */
    private static void runWorkloadUntilEnoughObjects(S3Client s3, CrashModel model) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService parts = Executors.newFixedThreadPool(2 * WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            Random rnd = new Random(SEED);
            AtomicLong generation = new AtomicLong();
            for (int w = 0; w < WRITERS; w++) {
                pool.submit(new CrashWorkload(s3, model, rnd.nextLong(), w, generation, stop, new AtomicBoolean(),
                        parts, errors));
            }
            Poll.until("3 inline objects in the plain bucket and an object in the versioned one", () ->
                    currentKeys(model, CrashWorkload.PLAIN, true).size() >= 3
                            && !currentKeys(model, CrashWorkload.VERSIONED, false).isEmpty() || !errors.isEmpty());
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            parts.shutdown();
        }
        assertThat(errors).isEmpty();
        assertThat(model.pending()).as("every operation answered").isEmpty();
    }

    /** Keys of the bucket whose latest version is an object (for {@code inline}: of 1 … 128 KiB), sorted. */
    private static List<String> currentKeys(CrashModel model, String bucket, boolean inline) {
        return model.all().keySet().stream().filter(id -> id.startsWith(bucket + "/")).sorted()
                .map(id -> id.substring(bucket.length() + 1))
                .filter(k -> {
                    Ver v = model.current(bucket, k);
                    return v != null && (!inline || v.size() > 0 && v.size() <= 128 * 1024);
                })
                .toList();
    }

    private static void undo(S3Client s3, CrashModel model, Path data, String lost, String changed,
                             String remetadata, String retagged, Path orphan, Path leftover) throws Exception {
        for (String key : List.of(lost, changed, remetadata)) {
            Ver v = model.current(CrashWorkload.PLAIN, key);
            byte[] body = CrashWorkload.content(Long.parseLong(v.meta().get("gen")), (int) v.size());
            put(s3, key, v, body);
        }
        s3.deleteObject(b -> b.bucket(CrashWorkload.PLAIN).key("w9/unacked"));
        Ver v = model.current(CrashWorkload.VERSIONED, retagged);
        List<Tag> tags = v.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue())
                .build()).toList();
        if (tags.isEmpty()) {
            s3.deleteObjectTagging(b -> b.bucket(CrashWorkload.VERSIONED).key(retagged).versionId(v.versionId()));
        } else {
            s3.putObjectTagging(b -> b.bucket(CrashWorkload.VERSIONED).key(retagged).versionId(v.versionId())
                    .tagging(t -> t.tagSet(tags)));
        }
        Files.delete(orphan);
        Files.delete(leftover);
    }

    /** A plain-bucket PUT with {@code v}'s metadata and tags, as the workload would have sent it. */
    private static void put(S3Client s3, String key, Ver v, byte[] body) {
        s3.putObject(b -> {
            b.bucket(CrashWorkload.PLAIN).key(key).metadata(v.meta());
            if (!v.tags().isEmpty()) {
                b.tagging(v.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&")));
            }
        }, RequestBody.fromBytes(body));
    }

    private static String id(String bucket, String key) {
        return CrashModel.id(bucket, key);
    }
}
