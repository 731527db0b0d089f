package dev.s3aas.node.it;

import dev.s3aas.node.it.CrashModel.Ver;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * One workload thread of the crash loop. It owns its keys (no other thread touches them), so each key has at most
 * one operation in flight; every operation is announced to the {@link CrashModel} before it is sent and marked
 * acknowledged when the node answers. The thread ends at the first failure (the kill).
 */
final class CrashWorkload implements Runnable {
    static final String PLAIN = "plain";
    static final String VERSIONED = "versioned";
    static final String LOCKED = "locked";
    private static final int[] SIZES = {0, 700, 4096, 100_000, 131_072, 131_073, 400_000, 1_200_000};
    /**
     * Versions a key keeps: past this its oldest is deleted before anything else. Each check reads every version
     * back, so without a bound the data set — mostly 5 MiB multipart versions — and with it each check grew with
     * every round (367 MiB read per check by the 30th kill; the 300 of bin/crash-loop would read GiBs a round).
     */
    private static final int MAX_VERSIONS = 3;
    /** Retention dates are whole seconds well in the future, so the test never waits for them. */
    static final Instant RETAIN_BASE = Instant.parse("2100-01-01T00:00:00Z");

    private final S3Client s3;
    private final CrashModel model;
    private final Random rnd;
    private final String prefix;
    private final AtomicLong generation;
    private final AtomicBoolean stop;
    private final ExecutorService parts;
    private final List<String> errors;
    private final AtomicBoolean killed;
    final AtomicLong acked = new AtomicLong();

    CrashWorkload(S3Client s3, CrashModel model, long seed, int writer, AtomicLong generation, AtomicBoolean stop,
                  AtomicBoolean killed, ExecutorService parts, List<String> errors) {
        this.s3 = s3;
        this.model = model;
        this.rnd = new Random(seed);
        this.prefix = "w" + writer + "/";
        this.generation = generation;
        this.stop = stop;
        this.killed = killed;
        this.parts = parts;
        this.errors = errors;
    }

    @Override
    public void run() {
        String op = "";
        while (!stop.get()) {
            try {
                op = step();
                acked.incrementAndGet();
            } catch (RuntimeException e) {
                if (!killed.get()) {
                    errors.add(prefix + " " + op + " failed before the kill: " + e);
                }
                return;
            }
        }
    }

    static byte[] content(long gen, int size) {
        byte[] b = new byte[size];
        new Random(gen).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String step() {
        int r = rnd.nextInt(100);
        String k = prefix + "k" + rnd.nextInt(3);
        for (String bucket : new String[] {VERSIONED, LOCKED}) {
            for (String key : new String[] {prefix + "k0", prefix + "k1", prefix + "k2", prefix + "mp"}) {
                List<Ver> vs = model.versions(bucket, key);
                if (vs.size() > MAX_VERSIONS) {
                    return deleteVersion(bucket, key, vs.get(vs.size() - 1).versionId());
                }
            }
        }
        if (r < 14) {
            return put(PLAIN, k);
        } else if (r < 26) {
            return put(VERSIONED, k);
        } else if (r < 34) {
            return put(LOCKED, k);
        } else if (r < 37) {
            return multipart(rnd.nextBoolean() ? PLAIN : VERSIONED, prefix + "mp");
        } else if (r < 44) {
            return delete(PLAIN, k);
        } else if (r < 50) {
            return delete(VERSIONED, k);
        } else if (r < 58) {
            return deleteVersion(VERSIONED, k);
        } else if (r < 61) {
            return delete(LOCKED, k);
        } else if (r < 66) {
            return deleteVersion(LOCKED, k);
        } else if (r < 76) {
            return copy(rnd.nextBoolean() ? PLAIN : VERSIONED, k, prefix + "k" + rnd.nextInt(3));
        } else if (r < 90) {
            return tag(new String[] {PLAIN, VERSIONED, LOCKED}[rnd.nextInt(3)], k);
        } else {
            return retain(k);
        }
    }

    private String put(String bucket, String key) {
        long gen = generation.incrementAndGet();
        byte[] body = content(gen, SIZES[rnd.nextInt(SIZES.length)]);
        Map<String, String> meta = Map.of("gen", Long.toString(gen));
        Map<String, String> tags = rnd.nextBoolean() ? Map.of("t", "g" + gen) : Map.of();
        Instant until = LOCKED.equals(bucket) ? RETAIN_BASE.plusSeconds(gen) : null;
        Ver v = new Ver(CrashModel.NEW, false, sha256(body), body.length, meta, tags, until);
        model.begin(bucket, key, "put", vs -> newVersion(bucket, vs, v));
        var resp = s3.putObject(b -> {
            b.bucket(bucket).key(key).metadata(meta);
            if (!tags.isEmpty()) {
                b.tagging(software.amazon.awssdk.services.s3.model.Tagging.builder()
                        .tagSet(Tag.builder().key("t").value(tags.get("t")).build()).build());
            }
            if (until != null) {
                b.objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until);
            }
        }, RequestBody.fromBytes(body));
        model.acknowledged(bucket, key, resp.versionId());
        return "put " + bucket + "/" + key;
    }

    private static List<Ver> newVersion(String bucket, List<Ver> vs, Ver v) {
        if (PLAIN.equals(bucket)) {
            return List.of(v.withId("null"));
        }
        vs.add(0, v);
        return vs;
    }

    private String multipart(String bucket, String key) {
        long gen = generation.incrementAndGet();
        byte[] first = content(gen, 5 << 20);
        byte[] second = content(-gen, 1 + rnd.nextInt(300_000));
        byte[] whole = new byte[first.length + second.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(second, 0, whole, first.length, second.length);
        Map<String, String> meta = Map.of("gen", Long.toString(gen));
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).metadata(meta)).uploadId();
        List<CompletableFuture<CompletedPart>> futures = new ArrayList<>();
        byte[][] bodies = {first, second};
        for (int i = 0; i < 2; i++) {
            int n = i + 1;
            byte[] body = bodies[i];
            futures.add(CompletableFuture.supplyAsync(() -> CompletedPart.builder().partNumber(n)
                    .eTag(s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(n),
                            RequestBody.fromBytes(body)).eTag()).build(), parts));
        }
        List<CompletedPart> done = futures.stream().map(CompletableFuture::join).toList();
        Ver v = new Ver(CrashModel.NEW, false, sha256(whole), whole.length, meta, Map.of(), null);
        model.begin(bucket, key, "complete", vs -> newVersion(bucket, vs, v));
        var resp = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                .multipartUpload(m -> m.parts(done)));
        model.acknowledged(bucket, key, resp.versionId());
        return "multipart " + bucket + "/" + key;
    }

    private String delete(String bucket, String key) {
        model.begin(bucket, key, "delete", vs -> {
            if (PLAIN.equals(bucket)) {
                return List.of();
            }
            vs.add(0, Ver.marker(CrashModel.NEW));
            return vs;
        });
        var resp = s3.deleteObject(b -> b.bucket(bucket).key(key));
        model.acknowledged(bucket, key, resp.versionId());
        return "delete " + bucket + "/" + key;
    }

    private String deleteVersion(String bucket, String key) {
        List<Ver> vs = model.versions(bucket, key);
        if (vs.isEmpty()) {
            return put(bucket, key);
        }
        return deleteVersion(bucket, key, vs.get(rnd.nextInt(vs.size())).versionId());
    }

    private String deleteVersion(String bucket, String key, String id) {
        model.begin(bucket, key, "delete version " + id, l -> {
            l.removeIf(v -> v.versionId().equals(id));
            return l;
        });
        s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(id).bypassGovernanceRetention(LOCKED.equals(bucket)));
        model.acknowledged(bucket, key, null);
        return "delete version " + bucket + "/" + key;
    }

    private String copy(String bucket, String source, String dest) {
        Ver src = model.current(bucket, source);
        if (src == null || source.equals(dest)) {
            return put(bucket, source);
        }
        model.begin(bucket, dest, "copy from " + source, vs -> newVersion(bucket, vs, src.withId(CrashModel.NEW)));
        var resp = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
                .destinationKey(dest));
        model.acknowledged(bucket, dest, resp.versionId());
        return "copy " + bucket + "/" + source + " to " + dest;
    }

    private String tag(String bucket, String key) {
        Ver cur = model.current(bucket, key);
        if (cur == null) {
            return put(bucket, key);
        }
        long gen = generation.incrementAndGet();
        Map<String, String> tags = Map.of("t", "g" + gen, "n", Integer.toString(rnd.nextInt(5)));
        model.begin(bucket, key, "tag", vs -> {
            vs.set(0, vs.get(0).withTags(tags));
            return vs;
        });
        List<Tag> set = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        s3.putObjectTagging(b -> b.bucket(bucket).key(key).versionId(PLAIN.equals(bucket) ? null : cur.versionId())
                .tagging(t -> t.tagSet(set)));
        model.acknowledged(bucket, key, null);
        return "tag " + bucket + "/" + key;
    }

    private String retain(String key) {
        Ver cur = model.current(LOCKED, key);
        if (cur == null) {
            return put(LOCKED, key);
        }
        Instant until = cur.retainUntil().plusSeconds(1 + rnd.nextInt(1000));
        model.begin(LOCKED, key, "retention", vs -> {
            vs.set(0, vs.get(0).withRetention(until));
            return vs;
        });
        s3.putObjectRetention(b -> b.bucket(LOCKED).key(key).versionId(cur.versionId())
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until)));
        model.acknowledged(LOCKED, key, null);
        return "retention " + LOCKED + "/" + key;
    }
}
