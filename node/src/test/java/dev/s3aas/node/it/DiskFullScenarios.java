package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A node whose data dir is a small file system of its own ({@link SmallFileSystem}: tmpfs in {@link DiskFullTest},
 * ext4 on a loop device in {@link DiskFullExt4Test}), filled with PUTs through the AWS SDK until it refuses.
 * The refusal is 507 XMinioStorageFull (never 500) and leaves nothing half-written; reads and deletes keep
 * working while full; /ready says full; freeing space lets writes through again without a restart; and a
 * restart finds every acknowledged object intact. Needs root for {@code mount} (CI runs as root): without it the
 * test fails, it does not skip. A subclass mounts the file system in its {@code @BeforeAll} and calls
 * {@link #start}; the teardown here stops the node and unmounts, also after a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DiskFullScenarios {
    private static final int OBJECT_SIZE = 1 << 20;
    private static final String BUCKET = "full";

    @TempDir
    static Path dir;
    static SmallFileSystem fs;
    static Path mount;
    static TestNode node;
    static S3Client s3;

    /** Starts the node on {@code small}, which the teardown unmounts. */
    static void start(SmallFileSystem small) throws Exception {
        fs = small;
        mount = small.root();
        node = new TestNode(mount.resolve("data"));
        s3 = node.client();
    }

    @AfterAll
    static void unmount() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            node = null;
            if (fs != null) {
                fs.close();
                fs = null;
            }
        }
    }

    @Test
    @Order(1)
    void aFullDiskRefusesWritesCleanlyAndRecovers() throws Exception {
        s3.createBucket(b -> b.bucket(BUCKET));
        Map<String, String> acked = new LinkedHashMap<>();
        Random random = new Random(13);
        S3Exception refusal = null;
        String refusedKey = null;
        for (int i = 0; i < 100 && refusal == null; i++) {
            String key = "obj-" + i;
            byte[] body = new byte[OBJECT_SIZE];
            random.nextBytes(body);
            try {
                s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
                acked.put(key, sha256(body));
            } catch (S3Exception e) {
                refusal = e;
                refusedKey = key;
            }
        }
        assertThat(refusal).as("a 48 MiB file system took 100 MiB").isNotNull();
        assertFull(refusal);
        assertThat(acked).hasSizeGreaterThan(10);
        System.out.println("DiskFull " + fs + ": " + acked.size() + " MiB acknowledged before the refusal");
        String missing = refusedKey;
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key(missing)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(tmpFiles()).as("aborted blobs left in tmp/").isEmpty();

        RawHttp.Response ready = new RawHttp(node.port()).send("GET", "/ready", List.of(), null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.text()).contains("full");

        whileFullReadsWorkAndOtherWritesAreRefused(acked);

        // DELETE works while full, and frees space for writes without a restart.
        List<String> keys = List.copyOf(acked.keySet());
        for (String key : keys.subList(0, 10)) {
            s3.deleteObject(b -> b.bucket(BUCKET).key(key));
            acked.remove(key);
        }
        Poll.until("/ready after deletes", () ->
                new RawHttp(node.port()).send("GET", "/ready", List.of(), null).status() == 200);
        byte[] again = new byte[OBJECT_SIZE];
        random.nextBytes(again);
        s3.putObject(b -> b.bucket(BUCKET).key("after-delete"), RequestBody.fromBytes(again));
        acked.put("after-delete", sha256(again));

        node.stop();
        node.start();
        s3 = node.client();
        assertIntact(acked);
        assertThat(tmpFiles()).isEmpty();
        assertThat(blobFiles()).as("blob files vs acknowledged objects").isEqualTo(acked.size());
    }

    /**
     * Below the reserve (a filler file takes the rest, as another process on the disk would), metadata-only
     * writes reach RocksDB's ENOSPC: the answer is still 507, and removing the filler lets writes through again.
     */
    @Test
    @Order(2)
    void aMetadataCommitOnAFullDiskIsRefusedClearly() throws Exception {
        s3.createBucket(b -> b.bucket("meta"));
        Path filler = mount.resolve("filler");
        byte[] chunk = new byte[64 << 10];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (java.io.IOException expected) {
            // the file system is full
        }
        S3Exception refusal = null;
        Map<String, String> acked = new LinkedHashMap<>();
        Random random = new Random(14);
        // Inline objects (<= 128 KiB) go into RocksDB, whose WAL was preallocated: it takes some before ENOSPC.
        for (int i = 0; i < 1000 && refusal == null; i++) {
            String key = "small-" + i;
            byte[] body = new byte[100 << 10];
            random.nextBytes(body);
            try {
                s3.putObject(b -> b.bucket("meta").key(key).tagging("n=" + key), RequestBody.fromBytes(body));
                acked.put(key, sha256(body));
            } catch (S3Exception e) {
                refusal = e;
            }
        }
        assertThat(refusal).as("100 MB of metadata commits on a full disk").isNotNull();
        assertFull(refusal);
        RawHttp.Response ready = new RawHttp(node.port()).send("GET", "/ready", List.of(), null);
        assertThat(ready.status()).as(ready.text()).isEqualTo(503);

        Files.delete(filler);
        long t0 = System.nanoTime();
        // /ready stays 503 until RocksDB has resumed (its SstFileManager polls free space every 5 s), so a load
        // balancer sends writes only when they can succeed.
        Poll.until("/ready after removing the filler", () ->
                new RawHttp(node.port()).send("GET", "/ready", List.of(), null).status() == 200);
        System.out.println("DiskFull " + fs + ": ready again " + (System.nanoTime() - t0) / 1_000_000
                + " ms after the filler was removed");
        s3.putObject(b -> b.bucket("meta").key("after-filler"), RequestBody.fromString("back"));
        acked.put("after-filler", sha256("back".getBytes()));
        node.stop();
        node.start();
        s3 = node.client();
        for (Map.Entry<String, String> e : acked.entrySet()) {
            byte[] got = s3.getObjectAsBytes(b -> b.bucket("meta").key(e.getKey())).asByteArray();
            assertThat(sha256(got)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    private void whileFullReadsWorkAndOtherWritesAreRefused(Map<String, String> acked) throws Exception {
        String first = acked.keySet().iterator().next();
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(first)).contentLength()).isEqualTo((long) OBJECT_SIZE);
        assertThat(s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().count())
                .isEqualTo(acked.size());
        assertIntact(acked);

        // An overwrite that is refused leaves the old version.
        S3Exception overwrite = refused(() -> s3.putObject(b -> b.bucket(BUCKET).key(first),
                RequestBody.fromBytes(new byte[OBJECT_SIZE])));
        assertFull(overwrite);
        assertThat(sha256(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(first)).asByteArray()))
                .isEqualTo(acked.get(first));

        String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mpu")).uploadId();
        assertFull(refused(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("mpu").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(new byte[5 << 20]))));
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("mpu").uploadId(upload));

        assertFull(refused(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(first)
                .destinationBucket(BUCKET).destinationKey("copy"))));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("copy")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(tmpFiles()).isEmpty();
    }

    private static void assertFull(S3Exception e) {
        assertThat(e.statusCode()).as(e.toString()).isEqualTo(507);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("XMinioStorageFull");
    }

    private static S3Exception refused(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e;
        }
        return fail("the write was accepted on a full disk");
    }

    private static void assertIntact(Map<String, String> acked) throws Exception {
        for (Map.Entry<String, String> e : acked.entrySet()) {
            byte[] got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(e.getKey())).asByteArray();
            assertThat(sha256(got)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    private static List<Path> tmpFiles() throws Exception {
        try (Stream<Path> s = Files.list(node.dataDir().resolve("tmp"))) {
            return s.toList();
        }
    }

    private static long blobFiles() throws Exception {
        try (Stream<Path> s = Files.walk(node.dataDir().resolve("blobs"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
