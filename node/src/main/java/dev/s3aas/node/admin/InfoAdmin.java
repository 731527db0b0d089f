package dev.s3aas.node.admin;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.BucketUsage;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * info ({@code madmin.InfoMessage}) and datausageinfo ({@code madmin.DataUsageInfo}): the node's identity and
 * exact usage (the per-bucket counters the storage engine keeps in the same commit as every write). Only the
 * fields that mean something for a single node are filled; the clients ignore absent ones.
 */
final class InfoAdmin {
    private InfoAdmin() {}

    /** What the node says about itself. */
    record NodeFacts(String region, String version, Instant started, String deploymentId) {}

    private record Totals(long buckets, long objects, long bytes, Map<String, BucketUsage> perBucket) {
        static Totals of(ObjectStore store) {
            Map<String, BucketUsage> per = new LinkedHashMap<>();
            long objects = 0;
            long bytes = 0;
            List<BucketInfo> buckets = store.listBuckets();
            for (BucketInfo b : buckets) {
                try {
                    BucketUsage u = store.usage(b.name());
                    per.put(b.name(), u);
                    objects += u.objects();
                    bytes += u.bytes();
                } catch (StorageException e) {
                    // deleted since it was listed
                }
            }
            return new Totals(per.size(), objects, bytes, per);
        }
    }

    /** GET info. */
    record Info(ObjectStore store, NodeFacts facts) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) {
            Totals t = Totals.of(store);
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("state", "online");
            server.put("endpoint", call.host());
            server.put("scheme", "http");
            server.put("uptime", Duration.between(facts.started(), Instant.now()).toSeconds());
            server.put("version", facts.version());
            server.put("commitID", "");
            server.put("network", Map.of(call.host(), "online"));
            server.put("drives", List.of());
            server.put("poolNumber", 1);
            server.put("num_cpu", Runtime.getRuntime().availableProcessors());
            server.put("runtime_version", "java " + Runtime.version());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", "online");
            m.put("region", facts.region());
            m.put("deploymentID", facts.deploymentId());
            m.put("buckets", Map.of("count", t.buckets()));
            m.put("objects", Map.of("count", t.objects()));
            m.put("versions", Map.of("count", t.objects()));
            m.put("usage", Map.of("size", t.bytes()));
            m.put("backend", Map.of("backendType", "FS", "onlineDisks", 1, "offlineDisks", 0));
            m.put("servers", List.of(server));
            return AdminReply.json(m);
        }
    }

    /** GET datausageinfo. */
    record DataUsage(ObjectStore store) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) {
            Totals t = Totals.of(store);
            Map<String, Object> buckets = new LinkedHashMap<>();
            Map<String, Long> sizes = new LinkedHashMap<>();
            t.perBucket().forEach((name, u) -> {
                buckets.put(name, Map.of("size", u.bytes(), "objectsCount", u.objects(), "versionsCount", u.objects()));
                sizes.put(name, u.bytes());
            });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lastUpdate", Instant.now().toString());
            m.put("objectsCount", t.objects());
            m.put("versionsCount", t.objects());
            m.put("objectsTotalSize", t.bytes());
            m.put("bucketsCount", t.buckets());
            m.put("bucketsUsageInfo", buckets);
            m.put("bucketsSizes", sizes);
            return AdminReply.json(m);
        }
    }
}
