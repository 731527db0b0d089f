package dev.s3aas.node.it;

import dev.s3aas.node.it.CrashModel.Pending;
import dev.s3aas.node.it.CrashModel.Ver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Reads back what a restarted node holds, through ListObjectVersions, GET (content hash, size, user metadata),
 * GetObjectTagging and GetObjectRetention, and compares it with the {@link CrashModel}: keys without an operation
 * in flight must be exactly as modelled; a key whose operation was in flight must be exactly before or exactly
 * after (then adopted). ListObjectsV2 must list exactly the keys whose latest version is an object. On disk,
 * {@code tmp/} must be empty and {@code blobs/} must hold exactly the files the observed versions and the open
 * multipart uploads account for: an orphaned (leaked) or a lost blob file shows as a difference in the count.
 */
final class CrashChecker {
    /** Bodies up to this size are stored inline in RocksDB, larger ones in one blob file (storage.DataSink). */
    private static final long INLINE_MAX = 128 * 1024;

    /** One way the node differs from the model: its subject (bucket/key, or a path under the data dir) and how. */
    record Finding(String subject, String problem) {
        @Override
        public String toString() {
            return subject + ": " + problem;
        }
    }

    private final S3Client s3;
    private final CrashModel model;
    private final Path dataDir;
    private static final int READERS = 4;

    /** Blob files the versions read so far in this check hold. */
    private long blobsHeld;
    /** Versions (and delete markers) and object bytes the last check read, for the loop's report. */
    private long versionsRead;
    private long bytesRead;
    /** Runs the per-version reads during {@link #check}. */
    private ExecutorService readers;

    CrashChecker(S3Client s3, CrashModel model, Path dataDir) {
        this.s3 = s3;
        this.model = model;
        this.dataDir = dataDir;
    }

    /** Returns what differs (empty when the node matches the model); resolves in-flight keys. */
    List<Finding> check(List<String> buckets) {
        List<Finding> findings = new ArrayList<>();
        blobsHeld = 0;
        versionsRead = 0;
        bytesRead = 0;
        Map<String, List<Ver>> observed = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(READERS)) {
            readers = pool;
            for (String bucket : buckets) {
                observed.putAll(observe(bucket));
            }
        }
        Set<String> ids = new TreeSet<>(observed.keySet());
        ids.addAll(model.all().keySet());
        ids.addAll(model.pending().keySet());
        for (String id : ids) {
            List<Ver> seen = observed.getOrDefault(id, List.of());
            Pending p = model.pending().get(id);
            if (p != null) {
                boolean before = CrashModel.matches(p.before(), seen, p.before());
                boolean after = CrashModel.matches(p.after(), seen, p.before());
                if (!before && !after) {
                    findings.add(new Finding(id, "in-flight " + p.op() + " neither before nor after; before "
                            + p.before() + " after " + p.after() + " observed " + seen));
                }
                model.resolve(id, seen);
            } else {
                List<Ver> expected = model.all().getOrDefault(id, List.of());
                if (!CrashModel.matches(expected, seen, expected)) {
                    findings.add(new Finding(id, difference(expected, seen) + "; expected " + expected
                            + " observed " + seen));
                }
            }
        }
        for (String bucket : buckets) {
            checkListing(bucket, findings);
            blobsHeld += uploadParts(bucket);
        }
        checkFiles(findings);
        return findings;
    }

    /** What the last {@link #check} read: versions and delete markers, and object bytes. */
    String readStats() {
        return versionsRead + " versions, " + bytesRead / (1 << 20) + " MiB";
    }

    /** ListObjectsV2 (paged small, so continuation tokens are crossed) against the model's latest objects. */
    private void checkListing(String bucket, List<Finding> findings) {
        Map<String, Long> listed = new TreeMap<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(7)).contents()
                .forEach(o -> listed.put(o.key(), o.size()));
        Map<String, Long> expected = new TreeMap<>();
        model.all().forEach((id, vs) -> {
            if (id.startsWith(bucket + "/") && !vs.isEmpty() && !vs.get(0).deleteMarker()) {
                expected.put(id.substring(bucket.length() + 1), vs.get(0).size());
            }
        });
        Set<String> keys = new TreeSet<>(listed.keySet());
        keys.addAll(expected.keySet());
        for (String key : keys) {
            Long l = listed.get(key);
            Long e = expected.get(key);
            if (!Objects.equals(l, e)) {
                findings.add(new Finding(CrashModel.id(bucket, key), l == null
                        ? "missing from ListObjectsV2 (model: size " + e + ")"
                        : e == null ? "listed by ListObjectsV2 (size " + l + ") but not a current object in the model"
                        : "ListObjectsV2 size " + l + ", model " + e));
            }
        }
    }

    /** Parts of unfinished multipart uploads: each is a blob file (parts are never inline). */
    private long uploadParts(String bucket) {
        return s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().stream()
                .mapToLong(u -> s3.listPartsPaginator(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()))
                        .parts().stream().count())
                .sum();
    }

    /** Recovery leaves tmp/ empty; blobs/ holds exactly what the versions and uploads read in this check hold. */
    private void checkFiles(List<Finding> findings) {
        try (Stream<Path> tmp = Files.list(dataDir.resolve("tmp"));
             Stream<Path> blobs = Files.walk(dataDir.resolve("blobs"))) {
            tmp.sorted().forEach(f -> findings.add(new Finding("tmp/" + f.getFileName(),
                    "left in tmp/ after recovery (" + size(f) + " bytes)")));
            long files = blobs.filter(Files::isRegularFile).count();
            if (files != blobsHeld) {
                findings.add(new Finding("blobs/", files + " blob files on disk, but the versions and open uploads"
                        + " hold " + blobsHeld + ": " + (files > blobsHeld ? files - blobsHeld + " orphaned"
                        : blobsHeld - files + " missing")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The first way {@code observed} differs from {@code expected}, for the finding's message. */
    static String difference(List<Ver> expected, List<Ver> observed) {
        if (observed.isEmpty()) {
            return "lost: the node has no version of an acknowledged key";
        }
        if (expected.isEmpty()) {
            return "not acknowledged: the node has " + observed.size() + " version(s) the model never saw";
        }
        if (expected.size() != observed.size()) {
            return expected.size() + " versions expected, " + observed.size() + " on the node";
        }
        for (int i = 0; i < expected.size(); i++) {
            Ver e = expected.get(i);
            Ver o = observed.get(i);
            String at = "version " + e.versionId() + ": ";
            if (!e.versionId().equals(o.versionId())) {
                return "version " + i + " is " + o.versionId() + ", expected " + e.versionId();
            } else if (e.deleteMarker() != o.deleteMarker()) {
                return at + (o.deleteMarker() ? "a delete marker" : "an object") + " on the node";
            } else if (!Objects.equals(e.sha256(), o.sha256()) || e.size() != o.size()) {
                return at + "content differs: sha256 " + o.sha256() + " (" + o.size() + " bytes), expected "
                        + e.sha256() + " (" + e.size() + " bytes)";
            } else if (!e.meta().equals(o.meta())) {
                return at + "user metadata " + o.meta() + ", expected " + e.meta();
            } else if (!e.tags().equals(o.tags())) {
                return at + "tags " + o.tags() + ", expected " + e.tags();
            } else if (!Objects.equals(e.retainUntil(), o.retainUntil())) {
                return at + "retain-until " + o.retainUntil() + ", expected " + e.retainUntil();
            }
        }
        return "differs";
    }

    /**
     * Every key's versions, newest first, as ListObjectVersions (paged small) and the per-version reads show. The
     * listing is paged in order; the versions are read {@value #READERS} at a time (the node answers each GET
     * on its own thread; one at a time, a round's check was mostly waiting on round trips).
     */
    private Map<String, List<Ver>> observe(String bucket) {
        record Entry(String key, String versionId, boolean marker, boolean latest, Instant modified) {}
        List<Entry> all = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(9).keyMarker(km)
                    .versionIdMarker(vm));
            List<Entry> entries = new ArrayList<>();
            page.versions().forEach(v -> entries.add(new Entry(v.key(), v.versionId(), false, v.isLatest(),
                    v.lastModified())));
            page.deleteMarkers().forEach(d -> entries.add(new Entry(d.key(), d.versionId(), true, d.isLatest(),
                    d.lastModified())));
            // versions and delete markers come in two lists; the latest first, then newest first by time
            // (ties keep the listing order, which is the node's newest-first order within each list).
            Map<String, List<Entry>> byKey = entries.stream().collect(Collectors.groupingBy(Entry::key,
                    LinkedHashMap::new, Collectors.toList()));
            byKey.forEach((key, es) -> {
                List<Entry> sorted = new ArrayList<>(es);
                sorted.sort((a, b) -> a.latest() != b.latest() ? (a.latest() ? -1 : 1)
                        : b.modified().compareTo(a.modified()));
                all.addAll(sorted);
            });
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        List<Future<Read>> reads = new ArrayList<>();
        for (Entry e : all) {
            reads.add(readers.submit(() -> e.marker() ? new Read(Ver.marker(e.versionId()), 0)
                    : read(bucket, e.key(), e.versionId())));
        }
        Map<String, List<Ver>> out = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Read r = join(reads.get(i));
            blobsHeld += r.blobFiles();
            versionsRead++;
            bytesRead += r.ver().size();
            out.computeIfAbsent(CrashModel.id(bucket, all.get(i).key()), x -> new ArrayList<>()).add(r.ver());
        }
        return out;
    }

    /** One version as read, and the blob files it holds. */
    private record Read(Ver ver, long blobFiles) {}

    private static Read join(Future<Read> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GET of one version; its tags by GetObjectTagging only when the GET says it has some
     * ({@code x-amz-tagging-count}), its retain-until date from the GET's {@code x-amz-object-lock-*} headers
     * (the same stored lock GetObjectRetention answers from): one round trip for most versions instead of three.
     */
    private Read read(String bucket, String key, String versionId) {
        String vid = "null".equals(versionId) ? null : versionId;
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(vid));
        GetObjectResponse head = got.response();
        Map<String, String> tags = head.tagCount() == null || head.tagCount() == 0 ? Map.of()
                : s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(vid)).tagSet().stream()
                        .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        Instant until = CrashWorkload.LOCKED.equals(bucket) ? head.objectLockRetainUntilDate() : null;
        byte[] body = got.asByteArray();
        return new Read(new Ver(versionId, false, CrashWorkload.sha256(body), body.length,
                Map.copyOf(head.metadata()), Map.copyOf(tags), until), blobFiles(head.eTag(), body.length));
    }

    /**
     * Blob files one version holds: a multipart object (ETag {@code "…-N"}) one per part, whatever their size;
     * any other object one if it is larger than the inline limit (a copy is stored afresh, like a PUT).
     */
    private static long blobFiles(String etag, long size) {
        String e = etag.replace("\"", "");
        int dash = e.lastIndexOf('-');
        if (dash > 0) {
            return Long.parseLong(e.substring(dash + 1));
        }
        return size > INLINE_MAX ? 1 : 0;
    }
}
