package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

class MultipartUploadTest extends NodeTestBase {
    static final int MIB = 1024 * 1024;
    @BeforeAll
    static void setUp() throws Exception {
        s3.createBucket(b -> b.bucket("mpu"));
    }

    static String create(String key) {
        return s3.createMultipartUpload(b -> b.bucket("mpu").key(key)).uploadId();
    }

    static CompletedPart upload(String key, String uploadId, int n, byte[] data) {
        UploadPartResponse r = s3.uploadPart(b -> b.bucket("mpu").key(key).uploadId(uploadId).partNumber(n),
                RequestBody.fromBytes(data));
        return CompletedPart.builder().partNumber(n).eTag(r.eTag()).build();
    }

    static CompleteMultipartUploadResponse complete(String key, String uploadId, List<CompletedPart> parts) {
        return s3.completeMultipartUpload(b -> b.bucket("mpu").key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }

    @Test
    void aReaderOfAMultipartObjectFinishesDespiteAnOverwriteMeanwhile() throws Exception {
        byte[] p1 = PutObjectTest.random(5 * MIB, 11);
        byte[] p2 = PutObjectTest.random(2 * MIB, 12);
        String id = create("overwritten.bin");
        complete("overwritten.bin", id, List.of(upload("overwritten.bin", id, 1, p1),
                upload("overwritten.bin", id, 2, p2)));
        long filesBefore = blobFiles();
        try (var in = s3.getObject(b -> b.bucket("mpu").key("overwritten.bin"))) {
            byte[] head = in.readNBytes(1024);
            s3.putObject(b -> b.bucket("mpu").key("overwritten.bin"), RequestBody.fromString("replaced"));
            // Give the collector time to run: part 2's file, not yet opened by this reader, must survive it.
            Thread.sleep(1_000);
            byte[] rest = in.readAllBytes();
            assertThat(concat(head, rest)).isEqualTo(concat(p1, p2));
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("overwritten.bin")).asUtf8String())
                .isEqualTo("replaced");
        // Once the reader is gone, both old part files are collected (the new object is inline).
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (blobFiles() > filesBefore - 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(blobFiles()).isEqualTo(filesBefore - 2);
    }

    @Test
    void assemblesPartsWithS3StyleEtagAndServesSingleParts() throws Exception {
        byte[] p1 = PutObjectTest.random(5 * MIB, 1);
        byte[] p2 = PutObjectTest.random(5 * MIB, 2);
        byte[] p3 = PutObjectTest.random(MIB + 3, 3);
        String id = create("big.bin");
        List<CompletedPart> parts = List.of(upload("big.bin", id, 1, p1), upload("big.bin", id, 2, p2),
                upload("big.bin", id, 3, p3));
        CompleteMultipartUploadResponse done = complete("big.bin", id, parts);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] p : List.of(p1, p2, p3)) {
            md5.update(MessageDigest.getInstance("MD5").digest(p));
        }
        assertThat(done.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(md5.digest()) + "-3\"");
        byte[] all = concat(p1, p2, p3);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("big.bin")).asByteArray()).isEqualTo(all);
        ResponseBytes<GetObjectResponse> part2 = s3.getObjectAsBytes(b -> b.bucket("mpu").key("big.bin").partNumber(2));
        assertThat(part2.asByteArray()).isEqualTo(p2);
        assertThat(part2.response().partsCount()).isEqualTo(3);
        assertThat(part2.response().contentRange()).isEqualTo("bytes " + p1.length + "-" + (2L * 5 * MIB - 1) + "/" + all.length);
        assertThat(s3.headObject(b -> b.bucket("mpu").key("big.bin").partNumber(3)).contentLength()).isEqualTo(p3.length);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("mpu").key("big.bin").partNumber(4)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
        byte[] ranged = s3.getObjectAsBytes(b -> b.bucket("mpu").key("big.bin").range("bytes=5242870-5242890"))
                .asByteArray();
        assertThat(ranged).isEqualTo(Arrays.copyOfRange(all, 5242870, 5242891));
    }

    @Test
    void completionChecksThePartList() {
        byte[] small = PutObjectTest.random(1000, 4);
        byte[] big = PutObjectTest.random(5 * MIB, 5);
        String id = create("checked");
        CompletedPart a = upload("checked", id, 1, small);
        CompletedPart b = upload("checked", id, 2, big);
        CompletedPart c = upload("checked", id, 3, small);
        assertThatThrownBy(() -> complete("checked", id, List.of(a, c)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
        assertThatThrownBy(() -> complete("checked", id, List.of(b, a)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
        CompletedPart wrongEtag = CompletedPart.builder().partNumber(2).eTag("\"0123456789abcdef0123456789abcdef\"").build();
        assertThatThrownBy(() -> complete("checked", id, List.of(wrongEtag)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        CompletedPart missing = CompletedPart.builder().partNumber(9).eTag(a.eTag()).build();
        assertThatThrownBy(() -> complete("checked", id, List.of(missing)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        // A failed completion leaves the upload intact: a valid list still completes it, unlisted parts dropped.
        complete("checked", id, List.of(b, c));
        assertThat(s3.getObjectAsBytes(x -> x.bucket("mpu").key("checked")).asByteArray()).isEqualTo(concat(big, small));
        // Completing it again is a retry (same answer); with another list it is an upload that no longer exists.
        assertThat(complete("checked", id, List.of(b, c)).eTag()).isEqualTo(s3.headObject(x -> x.bucket("mpu")
                .key("checked")).eTag());
        assertThatThrownBy(() -> complete("checked", id, List.of(b)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
    }

    @Test
    void reuploadingAPartReplacesIt() {
        String id = create("redo");
        upload("redo", id, 1, new byte[] {1, 2, 3});
        CompletedPart second = upload("redo", id, 1, new byte[] {4, 5});
        ListPartsResponse parts = s3.listParts(b -> b.bucket("mpu").key("redo").uploadId(id));
        assertThat(parts.parts()).singleElement().satisfies(p -> {
            assertThat(p.eTag()).isEqualTo(second.eTag());
            assertThat(p.size()).isEqualTo(2);
        });
        complete("redo", id, List.of(second));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("redo")).asByteArray()).containsExactly(4, 5);
    }

    @Test
    void abortRemovesTheUploadAndItsData() throws Exception {
        String id = create("aborted");
        upload("aborted", id, 1, PutObjectTest.random(300_000, 6));
        upload("aborted", id, 2, PutObjectTest.random(300_000, 7));
        long before = blobFiles();
        s3.abortMultipartUpload(b -> b.bucket("mpu").key("aborted").uploadId(id));
        assertThatThrownBy(() -> s3.listParts(b -> b.bucket("mpu").key("aborted").uploadId(id)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket("mpu").key("aborted").uploadId(id)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        long deadline = System.currentTimeMillis() + 10_000;
        while (blobFiles() > before - 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(blobFiles()).as("the aborted parts' files are unlinked").isLessThanOrEqualTo(before - 2);
    }

    static long blobFiles() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("blobs")); Stream<Path> t = Files.list(dir.resolve("tmp"))) {
            return s.filter(Files::isRegularFile).count() + t.count();
        }
    }

    @Test
    void listPartsPaginates() {
        String id = create("paged");
        for (int i = 1; i <= 7; i++) {
            upload("paged", id, i, new byte[] {(byte) i});
        }
        List<Integer> seen = new ArrayList<>();
        Integer marker = null;
        do {
            Integer m = marker;
            ListPartsResponse r = s3.listParts(b -> b.bucket("mpu").key("paged").uploadId(id).maxParts(3)
                    .partNumberMarker(m));
            r.parts().forEach(p -> seen.add(p.partNumber()));
            marker = r.isTruncated() ? r.nextPartNumberMarker() : null;
        } while (marker != null);
        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7);
        s3.abortMultipartUpload(b -> b.bucket("mpu").key("paged").uploadId(id));
    }

    @Test
    void listMultipartUploadsWithMarkersPrefixAndDelimiter() {
        s3.createBucket(b -> b.bucket("uploads-list"));
        List<String> ids = new ArrayList<>();
        for (String key : List.of("a/1", "a/2", "b", "b", "c/x/y")) {
            ids.add(s3.createMultipartUpload(b -> b.bucket("uploads-list").key(key)).uploadId());
        }
        ListMultipartUploadsResponse all = s3.listMultipartUploads(b -> b.bucket("uploads-list"));
        assertThat(all.uploads()).extracting(MultipartUpload::key).containsExactly("a/1", "a/2", "b", "b", "c/x/y");
        assertThat(all.uploads().get(2).uploadId()).isEqualTo(ids.get(2));
        ListMultipartUploadsResponse grouped = s3.listMultipartUploads(b -> b.bucket("uploads-list").delimiter("/"));
        assertThat(grouped.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "c/");
        assertThat(grouped.uploads()).extracting(MultipartUpload::key).containsExactly("b", "b");
        List<String> paged = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        do {
            String km = keyMarker;
            String im = idMarker;
            ListMultipartUploadsResponse r = s3.listMultipartUploads(b -> b.bucket("uploads-list").maxUploads(2)
                    .keyMarker(km).uploadIdMarker(im));
            r.uploads().forEach(u -> paged.add(u.uploadId()));
            keyMarker = r.isTruncated() ? r.nextKeyMarker() : null;
            idMarker = r.isTruncated() ? r.nextUploadIdMarker() : null;
        } while (keyMarker != null);
        assertThat(paged).containsExactlyElementsOf(ids);
        assertThat(s3.listMultipartUploads(b -> b.bucket("uploads-list").prefix("a/")).uploads()).hasSize(2);
        // Deleting the bucket aborts its uploads.
        s3.deleteBucket(b -> b.bucket("uploads-list"));
    }

    @Test
    void compositeChecksum() {
        byte[] p1 = PutObjectTest.random(5 * MIB, 8);
        byte[] p2 = PutObjectTest.random(1000, 9);
        String id = s3.createMultipartUpload(b -> b.bucket("mpu").key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC32))
                .uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i + 1;
            byte[] data = i == 0 ? p1 : p2;
            UploadPartResponse r = s3.uploadPart(b -> b.bucket("mpu").key("crc").uploadId(id).partNumber(n)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(data));
            assertThat(r.checksumCRC32()).isNotBlank();
            parts.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
        }
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket("mpu").key("crc").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
        assertThat(done.checksumCRC32()).endsWith("-2");
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        var head = s3.headObject(b -> b.bucket("mpu").key("crc").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).isEqualTo(done.checksumCRC32());
        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("crc")).asByteArray()).isEqualTo(concat(p1, p2));
    }

    @Test
    void fullObjectCrc64IsTheChecksumOfTheWholeObject() {
        byte[] p1 = PutObjectTest.random(5 * MIB, 10);
        byte[] p2 = PutObjectTest.random(777, 11);
        String id = s3.createMultipartUpload(b -> b.bucket("mpu").key("crc64").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)
                .checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i + 1;
            byte[] data = i == 0 ? p1 : p2;
            UploadPartResponse r = s3.uploadPart(b -> b.bucket("mpu").key("crc64").uploadId(id).partNumber(n)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME), RequestBody.fromBytes(data));
            parts.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC64NVME(r.checksumCRC64NVME()).build());
        }
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket("mpu").key("crc64").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
        String whole = s3.putObject(b -> b.bucket("mpu").key("crc64-single").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME),
                RequestBody.fromBytes(concat(p1, p2))).checksumCRC64NVME();
        assertThat(done.checksumCRC64NVME()).isEqualTo(whole);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    }

    @Test
    void conditionalCompletion() {
        s3.putObject(b -> b.bucket("mpu").key("exists"), RequestBody.fromString("here"));
        String id = create("exists");
        CompletedPart p = upload("exists", id, 1, new byte[] {1});
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("mpu").key("exists").uploadId(id)
                .ifNoneMatch("*").multipartUpload(m -> m.parts(p))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("exists")).asUtf8String()).isEqualTo("here");
    }

    @Test
    void uploadPartCopyWithRange() {
        byte[] source = PutObjectTest.random(6 * MIB, 12);
        s3.putObject(b -> b.bucket("mpu").key("copy-src"), RequestBody.fromBytes(source));
        String id = create("from-copy");
        var r1 = s3.uploadPartCopy(b -> b.sourceBucket("mpu").sourceKey("copy-src").destinationBucket("mpu")
                .destinationKey("from-copy").uploadId(id).partNumber(1).copySourceRange("bytes=0-5242879"));
        var r2 = s3.uploadPartCopy(b -> b.sourceBucket("mpu").sourceKey("copy-src").destinationBucket("mpu")
                .destinationKey("from-copy").uploadId(id).partNumber(2).copySourceRange("bytes=5242880-6291455"));
        s3.completeMultipartUpload(b -> b.bucket("mpu").key("from-copy").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(r1.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(r2.copyPartResult().eTag()).build())));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("from-copy")).asByteArray()).isEqualTo(source);
        assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket("mpu").sourceKey("copy-src")
                .destinationBucket("mpu").destinationKey("from-copy").uploadId(create("from-copy")).partNumber(1)
                .copySourceRange("bytes=0-99999999")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void unknownUploadId() {
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket("mpu").key("k").uploadId("nope").partNumber(1),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket("mpu").key("k").uploadId(create("k")).partNumber(10001),
                RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    }

    @Test
    void aRetriedCompletionAnswersTheSameResult() {
        String id = create("retried");
        List<CompletedPart> parts = List.of(upload("retried", id, 1, new byte[5 << 20]), upload("retried", id, 2,
                "tail".getBytes()));
        CompleteMultipartUploadResponse first = complete("retried", id, parts);
        CompleteMultipartUploadResponse again = complete("retried", id, parts);
        assertThat(again.eTag()).isEqualTo(first.eTag());
        assertThat(again.key()).isEqualTo("retried");
        // A different part list, or the key overwritten since, is no retry of this completion.
        assertThatThrownBy(() -> complete("retried", id, parts.subList(0, 1)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
        s3.putObject(b -> b.bucket("mpu").key("retried"), RequestBody.fromString("overwritten"));
        assertThatThrownBy(() -> complete("retried", id, parts))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
    }
}
