package dev.s3aas.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One soak client: a mixed sequence of PUT (1 KiB … 16 MiB, mostly small), GET, range GET, HEAD, LIST, DELETE,
 * multipart and copy on its own keys, keeping at most 50 live keys (whichever operation made them) so the data
 * set stays bounded.
 */
final class SoakWorker implements Runnable {
    private static final int MAX_LIVE = 50;
    private static final int[] SIZES = {1024, 1024, 4096, 4096, 16_384, 65_536, 100_000, 262_144, 1 << 20, 16 << 20};
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Random rnd;
    private final Deque<String> keys = new ArrayDeque<>();
    private final byte[] pool;
    private final BiConsumer<Long, Throwable> record;
    private final java.util.function.BooleanSupplier running;
    private long n;

    SoakWorker(S3Client s3, String bucket, int id, byte[] pool, BiConsumer<Long, Throwable> record,
               java.util.function.BooleanSupplier running) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = "c" + id + "/";
        this.rnd = new Random(id);
        this.pool = pool;
        this.record = record;
        this.running = running;
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            long t0 = System.nanoTime();
            Throwable err = null;
            try {
                step();
            } catch (RuntimeException e) {
                err = e;
            }
            record.accept(System.nanoTime() - t0, err);
        }
    }

    private RequestBody body(int size) {
        return RequestBody.fromBytes(java.util.Arrays.copyOf(pool, size));
    }

    private void step() {
        int r = rnd.nextInt(100);
        if (keys.size() < 5 || r < 25) {
            String key = prefix + (n++);
            int size = rnd.nextInt(20) == 0 ? SIZES[rnd.nextInt(SIZES.length)] : SIZES[rnd.nextInt(4)];
            s3.putObject(b -> b.bucket(bucket).key(key), body(size));
            remember(key);
            return;
        }
        String key = List.copyOf(keys).get(rnd.nextInt(keys.size()));
        if (r < 50) {
            s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } else if (r < 60) {
            s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=0-99"));
        } else if (r < 72) {
            s3.headObject(b -> b.bucket(bucket).key(key));
        } else if (r < 80) {
            s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(20));
        } else if (r < 88) {
            keys.remove(key);
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } else if (r < 96) {
            String dest = prefix + (n++);
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(dest));
            remember(dest);
        } else {
            String dest = prefix + (n++);
            String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(dest)).uploadId();
            String e1 = s3.uploadPart(b -> b.bucket(bucket).key(dest).uploadId(id).partNumber(1), body(5 << 20)).eTag();
            String e2 = s3.uploadPart(b -> b.bucket(bucket).key(dest).uploadId(id).partNumber(2), body(1024)).eTag();
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(dest).uploadId(id).multipartUpload(m -> m.parts(
                    CompletedPart.builder().partNumber(1).eTag(e1).build(),
                    CompletedPart.builder().partNumber(2).eTag(e2).build())));
            remember(dest);
        }
    }

    /** A new live key; the oldest are deleted beyond {@link #MAX_LIVE}, whichever operation made the key. */
    private void remember(String key) {
        keys.addLast(key);
        while (keys.size() > MAX_LIVE) {
            String old = keys.removeFirst();
            s3.deleteObject(b -> b.bucket(bucket).key(old));
        }
    }
}
