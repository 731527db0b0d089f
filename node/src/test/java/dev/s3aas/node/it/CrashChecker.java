package dev.s3aas.node.it;

import dev.s3aas.node.it.CrashModel.Pending;
import dev.s3aas.node.it.CrashModel.Ver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Reads back what a restarted node holds, through ListObjectVersions, GET (content hash, size, user metadata),
 * GetObjectTagging and GetObjectRetention, and compares it with the {@link CrashModel}: keys without an operation
 * in flight must be exactly as modelled; a key whose operation was in flight must be exactly before or exactly
 * after (then adopted). ListObjectsV2 must list exactly the keys whose latest version is an object.
 */
final class CrashChecker {
    private final S3Client s3;
    private final CrashModel model;

    CrashChecker(S3Client s3, CrashModel model) {
        this.s3 = s3;
        this.model = model;
    }

    /** Returns the problems found (empty when the node matches the model); resolves in-flight keys. */
    List<String> check(List<String> buckets) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Ver>> observed = new HashMap<>();
        for (String bucket : buckets) {
            observed.putAll(observe(bucket));
        }
        Set<String> ids = new HashSet<>(observed.keySet());
        ids.addAll(model.all().keySet());
        ids.addAll(model.pending().keySet());
        for (String id : ids) {
            List<Ver> seen = observed.getOrDefault(id, List.of());
            Pending p = model.pending().get(id);
            if (p != null) {
                boolean before = CrashModel.matches(p.before(), seen, p.before());
                boolean after = CrashModel.matches(p.after(), seen, p.before());
                if (!before && !after) {
                    problems.add(id + ": in-flight " + p.op() + " neither before nor after; before " + p.before()
                            + " after " + p.after() + " observed " + seen);
                }
                model.resolve(id, seen);
            } else {
                List<Ver> expected = model.all().getOrDefault(id, List.of());
                if (!CrashModel.matches(expected, seen, expected)) {
                    problems.add(id + ": expected " + expected + " observed " + seen);
                }
            }
        }
        for (String bucket : buckets) {
            Map<String, Long> listed = new TreeMap<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(7)).contents()
                    .forEach(o -> listed.put(o.key(), o.size()));
            Map<String, Long> expected = new TreeMap<>();
            model.all().forEach((id, vs) -> {
                if (id.startsWith(bucket + "/") && !vs.isEmpty() && !vs.get(0).deleteMarker()) {
                    expected.put(id.substring(bucket.length() + 1), vs.get(0).size());
                }
            });
            if (!listed.equals(expected)) {
                problems.add(bucket + ": ListObjectsV2 " + listed + " but model " + expected);
            }
        }
        return problems;
    }

    /** Every key's versions, newest first, as ListObjectVersions (paged small) and the per-version reads show. */
    private Map<String, List<Ver>> observe(String bucket) {
        Map<String, List<Ver>> out = new LinkedHashMap<>();
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(9).keyMarker(km)
                    .versionIdMarker(vm));
            record Entry(String key, String versionId, boolean marker, boolean latest, Instant modified) {}
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
                for (Entry e : sorted) {
                    out.computeIfAbsent(CrashModel.id(bucket, key), x -> new ArrayList<>())
                            .add(e.marker() ? Ver.marker(e.versionId()) : read(bucket, key, e.versionId()));
                }
            });
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return out;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
    }

    private Ver read(String bucket, String key, String versionId) {
        String vid = "null".equals(versionId) ? null : versionId;
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(vid));
        Map<String, String> tags = s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(vid)).tagSet()
                .stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        Instant until = CrashWorkload.LOCKED.equals(bucket)
                ? s3.getObjectRetention(b -> b.bucket(bucket).key(key).versionId(vid)).retention().retainUntilDate()
                : null;
        return new Ver(versionId, false, CrashWorkload.sha256(got.asByteArray()), got.asByteArray().length,
                Map.copyOf(got.response().metadata()), Map.copyOf(tags), until);
    }
}
