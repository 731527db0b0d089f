package dev.s3aas.node.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The persisted bucket (value in the {@code buckets} column family, keyed by name). */
record BucketRecord(
        @JsonProperty("f") int format,
        @JsonProperty("id") long id,
        @JsonProperty("n") String name,
        @JsonProperty("t") long createdMillis,
        @JsonProperty("r") String region,
        @JsonProperty("c") BucketConfig config) {

    static final int FORMAT = 1;

    BucketRecord {
        config = config == null ? BucketConfig.DEFAULT : config;
    }

    BucketInfo toInfo() {
        return new BucketInfo(name, Instant.ofEpochMilli(createdMillis), region, config);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Decoded> DECODED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Decoded(byte[] bytes, BucketRecord record) {}

    /**
     * Decodes a stored bucket record, reusing the previous result when the bytes are the same: every request
     * reads its bucket, and decoding CBOR each time cost more than the request's own work. Keyed by the exact
     * bytes, so a changed record is never served stale.
     */
    static BucketRecord decode(String name, byte[] bytes) {
        Decoded d = DECODED.get(name);
        if (d != null && java.util.Arrays.equals(d.bytes(), bytes)) {
            return d.record();
        }
        BucketRecord r = RecordCodec.decode(bytes, BucketRecord.class);
        if (DECODED.size() > 10_000) {
            DECODED.clear();
        }
        DECODED.put(name, new Decoded(bytes, r));
        return r;
    }

    BucketRecord withConfig(BucketConfig c) {
        return new BucketRecord(format, id, name, createdMillis, region, c);
    }
}
