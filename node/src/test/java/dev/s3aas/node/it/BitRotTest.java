package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.common.metrics.PrometheusText;
import dev.s3aas.common.metrics.PrometheusToken;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Bit rot, made for real: bytes flipped in blob files on disk and in an inline value inside RocksDB (the node
 * stopped, the database opened with RocksJava, the value rewritten with one byte changed). A read of damaged data
 * answers 500 InternalError before any byte is sent, or — when the damage is past what was already streamed — the
 * connection is cut so the client sees a broken transfer; never a clean answer with wrong bytes. Undamaged ranges
 * still read. A copy of a damaged source is refused and writes nothing. The metric counts each; the scrubber,
 * started through the admin API, reports every damaged object and none of the good ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BitRotTest {
    private static final int BLOCK = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestNode node;
    static S3Client s3;
    static final Random RANDOM = new Random(13);
    static byte[] big;
    static byte[] small;
    static byte[] part1;
    static byte[] part2;
    static byte[] sealed;
    static byte[] fine;

    @BeforeAll
    static void storeAndDamage() throws Exception {
        node = new TestNode(dir);
        s3 = noRetries(node);
        s3.createBucket(b -> b.bucket("rot"));
        big = bytes(BLOCK * 16 + 1234);
        Path bigBlob = putAndFindBlob("big", big, false);
        small = bytes(1000);
        s3.putObject(b -> b.bucket("rot").key("small"), RequestBody.fromBytes(small));
        sealed = bytes(300 * 1024);
        Path sealedBlob = putAndFindBlob("sealed", sealed, true);
        fine = bytes(200 * 1024);
        putAndFindBlob("fine", fine, false);
        s3.putObject(b -> b.bucket("rot").key("fine-small"), RequestBody.fromString("all good"));
        part1 = bytes(5 << 20);
        part2 = bytes(BLOCK * 3 + 7);
        Path part2Blob = multipart("multi");

        flip(bigBlob, 5L * BLOCK + 123);
        flip(sealedBlob, 10);
        flip(part2Blob, BLOCK + 1);
        node.stop();
        flipInlineValue(node.dataDir().resolve("meta"), small);
        node.start();
        s3 = noRetries(node);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    @Order(1)
    void damagedDataIsNeverServedAndGoodRangesStillAre() throws Exception {
        double before = integrityErrors("read");

        // Headers and the first blocks go out, then block 5 fails: the transfer breaks, no clean wrong answer.
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("rot").key("big")).asByteArray())
                .isNotNull();
        // A range in good blocks reads; a range starting in the damaged block is refused before any byte.
        assertThat(s3.getObjectAsBytes(b -> b.bucket("rot").key("big").range("bytes=0-" + (BLOCK * 2 - 1)))
                .asByteArray()).isEqualTo(slice(big, 0, BLOCK * 2));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("rot").key("big").range("bytes=" + 6 * BLOCK + "-"))
                .asByteArray()).isEqualTo(slice(big, 6 * BLOCK, big.length - 6 * BLOCK));
        assertInternalError(() -> s3.getObjectAsBytes(b -> b.bucket("rot").key("big")
                .range("bytes=" + (5 * BLOCK + 100) + "-" + (5 * BLOCK + 200))));
        // Inline value damaged inside RocksDB; encrypted blob damaged (GCM); one part of a multipart object.
        assertInternalError(() -> s3.getObjectAsBytes(b -> b.bucket("rot").key("small")));
        assertInternalError(() -> s3.getObjectAsBytes(b -> b.bucket("rot").key("sealed")));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("rot").key("multi").partNumber(1)).asByteArray())
                .isEqualTo(part1);
        assertInternalError(() -> s3.getObjectAsBytes(b -> b.bucket("rot").key("multi").partNumber(2)));
        // HEAD needs no data and still answers.
        assertThat(s3.headObject(b -> b.bucket("rot").key("small")).contentLength()).isEqualTo(small.length);
        // Undamaged objects are untouched.
        assertThat(s3.getObjectAsBytes(b -> b.bucket("rot").key("fine")).asByteArray()).isEqualTo(fine);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("rot").key("fine-small")).asUtf8String()).isEqualTo("all good");

        assertThat(integrityErrors("read") - before).isEqualTo(5); // big twice, small, sealed, multi
    }

    @Test
    @Order(2)
    void aCopyOfADamagedSourceIsRefusedAndWritesNothing() throws Exception {
        Set<Path> files = blobFiles();
        for (String source : List.of("big", "small", "sealed", "multi")) {
            assertInternalError(() -> s3.copyObject(b -> b.sourceBucket("rot").sourceKey(source)
                    .destinationBucket("rot").destinationKey("copy-of-" + source)));
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("rot").key("copy-of-" + source)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
        String upload = s3.createMultipartUpload(b -> b.bucket("rot").key("part-copy")).uploadId();
        assertInternalError(() -> s3.uploadPartCopy(b -> b.sourceBucket("rot").sourceKey("big")
                .destinationBucket("rot").destinationKey("part-copy").uploadId(upload).partNumber(1)));
        s3.abortMultipartUpload(b -> b.bucket("rot").key("part-copy").uploadId(upload));
        assertThat(blobFiles()).isEqualTo(files);
    }

    @Test
    @Order(3)
    void theScrubberReportsEveryDamagedObjectAndNoGoodOne() throws Exception {
        double before = integrityErrors("scrub");
        JsonNode report = scrubPass();
        assertThat(report.get("passes").asLong()).isGreaterThanOrEqualTo(1);
        List<String> keys = new ArrayList<>();
        for (JsonNode f : report.get("corrupt")) {
            keys.add(f.get("key").asText());
            assertThat(f.get("bucket").asText()).isEqualTo("rot");
            assertThat(f.get("blob").asText()).hasSize(32);
            assertThat(f.get("reason").asText()).isNotBlank();
            assertThat(Instant.parse(f.get("detected_at").asText())).isNotNull();
        }
        assertThat(keys).containsExactlyInAnyOrder("big", "small", "sealed", "multi");
        assertThat(report.get("corrupt_total").asLong()).isEqualTo(4);
        // big, small, sealed, fine, fine-small, multi
        assertThat(report.get("objects_scanned").asLong()).isEqualTo(6);
        assertThat(report.get("unverified").asLong()).isZero();
        assertThat(report.get("bytes_scanned").asLong())
                .isGreaterThanOrEqualTo((long) fine.length + part1.length); // a damaged object's scan stops at the damage
        assertThat(integrityErrors("scrub") - before).isEqualTo(4);
        PrometheusText m = scrape();
        assertThat(m.sum("s3aas_scrub_objects_total", Map.of())).isGreaterThanOrEqualTo(6);
        assertThat(m.sum("s3aas_scrub_last_pass_finished_seconds", Map.of())).isGreaterThan(0);
    }

    @Test
    @Order(4)
    void aCleanStorePassesTheScrubWithNothingFound(@TempDir Path other) throws Exception {
        try (TestNode clean = new TestNode(other)) {
            S3Client c = clean.client();
            c.createBucket(b -> b.bucket("clean"));
            c.putBucketVersioning(b -> b.bucket("clean").versioningConfiguration(v -> v.status("Enabled")));
            for (int i = 0; i < 3; i++) {
                c.putObject(b -> b.bucket("clean").key("k"), RequestBody.fromBytes(bytes(150 * 1024)));
                c.putObject(b -> b.bucket("clean").key("s"), RequestBody.fromBytes(bytes(100)));
            }
            JsonNode report = scrubPass(clean);
            assertThat(report.get("corrupt_total").asLong()).isZero();
            assertThat(report.get("corrupt")).isEmpty();
            assertThat(report.get("objects_scanned").asLong()).isEqualTo(6);
        }
    }

    // --- helpers ---

    /** The SDK retries 500s and broken transfers; each attempt would be another read of the damage. */
    private static S3Client noRetries(TestNode n) {
        return S3Client.builder().endpointOverride(n.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestNode.ACCESS_KEY, TestNode.SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(ApacheHttpClient.create()).build();
    }

    private static JsonNode scrubPass() throws Exception {
        return scrubPass(node);
    }

    private static JsonNode scrubPass(TestNode n) throws Exception {
        long passes = report(n).get("passes").asLong();
        RawHttp.Response started = IamClients.rootCall(n, "POST", "/minio/admin/v3/s3aas/scrub/start", null, null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        Poll.until("a scrub pass completes", () -> report(n).get("passes").asLong() > passes);
        return report(n);
    }

    private static JsonNode report(TestNode n) throws IOException {
        RawHttp.Response r = IamClients.rootCall(n, "GET", "/minio/admin/v3/s3aas/scrub", null, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void assertInternalError(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
        });
    }

    private static double integrityErrors(String source) throws IOException {
        return scrape().sum("s3aas_storage_integrity_errors_total", Map.of("source", source));
    }

    private static PrometheusText scrape() throws IOException {
        String token = PrometheusToken.mint(TestNode.ACCESS_KEY, TestNode.SECRET_KEY,
                Instant.now().plus(1, ChronoUnit.HOURS));
        RawHttp.Response r = new RawHttp(node.port()).send("GET", "/metrics",
                List.of(Map.entry("Authorization", "Bearer " + token)), null);
        assertThat(r.status()).isEqualTo(200);
        return PrometheusText.parse(r.text());
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] slice(byte[] b, int from, int n) {
        byte[] s = new byte[n];
        System.arraycopy(b, from, s, 0, n);
        return s;
    }

    /** Puts an object that goes to a blob file and returns that file (the one new file under blobs/). */
    private static Path putAndFindBlob(String key, byte[] data, boolean encrypted) throws IOException {
        Set<Path> before = blobFiles();
        s3.putObject(b -> {
            b.bucket("rot").key(key);
            if (encrypted) {
                b.serverSideEncryption(ServerSideEncryption.AES256);
            }
        }, RequestBody.fromBytes(data));
        return onlyNew(before);
    }

    /** A two-part upload; returns the second part's blob file. */
    private static Path multipart(String key) throws IOException {
        String id = s3.createMultipartUpload(b -> b.bucket("rot").key(key)).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("rot").key(key).uploadId(id).partNumber(1), RequestBody.fromBytes(part1))
                .eTag();
        Set<Path> before = blobFiles();
        String e2 = s3.uploadPart(b -> b.bucket("rot").key(key).uploadId(id).partNumber(2), RequestBody.fromBytes(part2))
                .eTag();
        s3.completeMultipartUpload(b -> b.bucket("rot").key(key).uploadId(id).multipartUpload(u -> u.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        return onlyNew(before);
    }

    private static Path onlyNew(Set<Path> before) throws IOException {
        Set<Path> after = blobFiles();
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.iterator().next();
    }

    private static Set<Path> blobFiles() throws IOException {
        try (Stream<Path> s = Files.walk(node.dataDir().resolve("blobs"))) {
            Set<Path> files = new HashSet<>(s.filter(Files::isRegularFile).toList());
            try (Stream<Path> t = Files.list(node.dataDir().resolve("tmp"))) {
                files.addAll(t.toList());
            }
            return files;
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x40);
            f.getFD().sync();
        }
    }

    /** With the node stopped: rewrites the inline value that holds {@code data} with one byte flipped. */
    private static void flipInlineValue(Path metaDir, byte[] data) throws Exception {
        RocksDB.loadLibrary();
        List<byte[]> names;
        try (Options o = new Options()) {
            names = RocksDB.listColumnFamilies(o, metaDir.toString());
        }
        List<ColumnFamilyDescriptor> descriptors = names.stream().map(ColumnFamilyDescriptor::new).toList();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions o = new DBOptions(); RocksDB db = RocksDB.open(o, metaDir.toString(), descriptors, handles)) {
            int inline = -1;
            for (int i = 0; i < names.size(); i++) {
                if (new String(names.get(i), StandardCharsets.UTF_8).equals("inline")) {
                    inline = i;
                }
            }
            assertThat(inline).isNotNegative();
            int found = 0;
            try (RocksIterator it = db.newIterator(handles.get(inline))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    if (java.util.Arrays.equals(it.value(), data)) {
                        byte[] damaged = it.value().clone();
                        damaged[500] ^= 0x01;
                        db.put(handles.get(inline), it.key(), damaged);
                        found++;
                    }
                }
            }
            assertThat(found).isEqualTo(1);
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
