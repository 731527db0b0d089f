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

    BucketRecord withConfig(BucketConfig c) {
        return new BucketRecord(format, id, name, createdMillis, region, c);
    }
}
