package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.metrics.PrometheusText;
import dev.s3aas.common.metrics.PrometheusToken;
import dev.s3aas.node.MetricsAccess;
import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** GET /metrics: the Prometheus exposition of a node, read as a scraper would, and who may read it. */
class MetricsTest extends NodeTestBase {
    private static String token() {
        return PrometheusToken.mint(TestNode.ACCESS_KEY, TestNode.SECRET_KEY, Instant.now().plus(1, ChronoUnit.HOURS));
    }

    private static PrometheusText scrape(String path) throws Exception {
        RawHttp.Response r = new RawHttp(node.port()).send("GET", path,
                List.of(Map.entry("Authorization", "Bearer " + token())), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(r.text());
    }

    @Test
    void requestsErrorsBytesStorageAndTheStoreAreCounted() throws Exception {
        s3.createBucket(b -> b.bucket("metered"));
        byte[] big = new byte[300 * 1024]; // above the inline limit: a blob file, fsynced
        for (int i = 0; i < 5; i++) {
            s3.putObject(b -> b.bucket("metered").key("small-" + System.nanoTime()), RequestBody.fromString("hello"));
        }
        s3.putObject(b -> b.bucket("metered").key("big"), RequestBody.fromBytes(big));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("metered").key("big")).asByteArray()).hasSize(big.length);
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("metered").key("absent")))
                .isInstanceOf(NoSuchKeyException.class);

        PrometheusText m = scrape("/metrics");
        assertThat(m.type("s3aas_s3_requests_seconds")).contains("histogram");
        assertThat(m.sum("s3aas_s3_requests_seconds_count", Map.of("operation", "PutObject", "status", "2xx")))
                .isGreaterThanOrEqualTo(6);
        assertThat(m.sum("s3aas_s3_requests_seconds_count", Map.of("operation", "GetObject", "status", "4xx")))
                .isGreaterThanOrEqualTo(1);
        assertThat(m.sum("s3aas_s3_requests_seconds_bucket", Map.of("operation", "PutObject", "status", "2xx",
                "le", "+Inf"))).isGreaterThanOrEqualTo(6);
        assertThat(m.sum("s3aas_s3_errors_total", Map.of("code", "NoSuchKey"))).isGreaterThanOrEqualTo(1);
        assertThat(m.find("s3aas_s3_requests_in_flight", Map.of())).hasSize(1);
        assertThat(m.sum("s3aas_s3_received_bytes_total", Map.of())).isGreaterThan(big.length);
        assertThat(m.sum("s3aas_s3_sent_bytes_total", Map.of())).isGreaterThan(big.length);

        assertThat(m.sum("s3aas_bucket_usage_bytes", Map.of("bucket", "metered"))).isEqualTo(5 * 5 + big.length);
        assertThat(m.sum("s3aas_bucket_objects", Map.of("bucket", "metered"))).isEqualTo(6);
        assertThat(m.sum("s3aas_storage_commit_group_mutations_count", Map.of())).isGreaterThanOrEqualTo(7);
        assertThat(m.sum("s3aas_storage_wal_sync_seconds_count", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(m.sum("s3aas_storage_blob_sync_seconds_count", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(m.find("s3aas_rocksdb_sst_size_bytes", Map.of())).hasSize(1);
        assertThat(m.find("s3aas_rocksdb_compaction_pending_bytes", Map.of())).hasSize(1);
        assertThat(m.sum("jvm_memory_used_bytes", Map.of())).isPositive();
        assertThat(m.sum("process_resident_memory_bytes", Map.of())).isPositive();
        assertThat(m.sum("process_files_open_files", Map.of())).isPositive();
    }

    @Test
    void theAccessLineCarriesTheRequestIdAndOutcome() throws Exception {
        ch.qos.logback.classic.Logger access =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("s3aas.s3.access");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        ch.qos.logback.classic.Level before = access.getLevel();
        access.setLevel(ch.qos.logback.classic.Level.INFO);
        access.addAppender(lines);
        try {
            String id = s3.createBucket(b -> b.bucket("logged")).responseMetadata().requestId();
            Poll.until("the access line", () -> lines.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith(id + " ")));
            String line = lines.list.stream().map(e -> e.getFormattedMessage()).filter(m -> m.startsWith(id + " "))
                    .findFirst().orElseThrow();
            assertThat(line).contains(" PUT /logged CreateBucket 200 - ").doesNotContain(TestNode.SECRET_KEY);
        } finally {
            access.detachAppender(lines);
            access.setLevel(before);
        }
    }

    @Test
    void minioPathsServeTheSameExposition() throws Exception {
        assertThat(scrape("/minio/v2/metrics/node").find("s3aas_s3_requests_in_flight", Map.of())).hasSize(1);
        assertThat(scrape("/minio/v2/metrics/cluster").find("s3aas_s3_requests_in_flight", Map.of())).hasSize(1);
    }

    @Test
    void withoutAValidTokenMetricsAreRefused() throws Exception {
        RawHttp raw = new RawHttp(node.port());
        String wrongKey = PrometheusToken.mint(TestNode.ACCESS_KEY, "not-the-secret", Instant.now().plusSeconds(600));
        String otherUser = PrometheusToken.mint("someone", TestNode.SECRET_KEY, Instant.now().plusSeconds(600));
        String expired = PrometheusToken.mint(TestNode.ACCESS_KEY, TestNode.SECRET_KEY, Instant.now().minusSeconds(5));
        for (List<Map.Entry<String, String>> headers : List.of(List.<Map.Entry<String, String>>of(),
                List.of(Map.entry("Authorization", "Bearer " + wrongKey)),
                List.of(Map.entry("Authorization", "Bearer " + otherUser)),
                List.of(Map.entry("Authorization", "Bearer " + expired)),
                List.of(Map.entry("Authorization", "Bearer not-a-jwt")))) {
            RawHttp.Response r = raw.send("GET", "/metrics", headers, null);
            assertThat(r.status()).as(headers.toString()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("AccessDenied");
            assertThat(r.text()).doesNotContain("s3aas_s3_requests");
        }
    }

    @Test
    void aSignedRequestToABucketNamedMetricsReachesTheBucket() {
        s3.createBucket(b -> b.bucket("metrics"));
        s3.putObject(b -> b.bucket("metrics").key("k"), RequestBody.fromString("v"));
        assertThat(s3.listObjectsV2(b -> b.bucket("metrics")).contents()).hasSize(1);
    }

    @Test
    void publicMetricsNeedNoTokenAndOffServesNone() throws Exception {
        RootCredentials root = new RootCredentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        Path a = Files.createTempDirectory(dir, "public");
        try (Node open = Node.start(new NodeConfig(a, new InetSocketAddress("127.0.0.1", 0), root, "us-east-1",
                List.of()).withMetrics(MetricsAccess.PUBLIC))) {
            RawHttp.Response r = new RawHttp(open.port()).send("GET", "/metrics", List.of(), null);
            assertThat(r.status()).isEqualTo(200);
            PrometheusText.parse(r.text());
        }
        Path b = Files.createTempDirectory(dir, "off");
        try (Node off = Node.start(new NodeConfig(b, new InetSocketAddress("127.0.0.1", 0), root, "us-east-1",
                List.of()).withMetrics(MetricsAccess.OFF))) {
            RawHttp.Response r = new RawHttp(off.port()).send("GET", "/metrics", List.of(), null);
            assertThat(r.status()).isEqualTo(403); // an anonymous request for a bucket named "metrics"
            assertThat(r.text()).doesNotContain("s3aas_s3_requests");
        }
    }
}
