package dev.s3aas.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/** Version ids keep sorting newest first across a restart, even if the wall clock went back meanwhile. */
class VersionIdsTest {
    @TempDir
    Path dir;

    @Test
    void aReopenedStoreHandsOutIdsAboveEveryRecordedOne() throws Exception {
        String first;
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            store.createBucket("clock", "us-east-1", false);
            store.updateBucketConfig("clock", c -> c.withVersioning("Enabled"));
            first = store.deleteObject("clock", "k", null).versionId();
        }
        long recorded;
        try (MetaDb db = new MetaDb(dir.resolve("meta"))) {
            recorded = Keys.getLong(db.get(MetaDb.Cf.DEFAULT, VersionIds.CLOCK_KEY), 0);
            assertThat(recorded).isEqualTo(VersionIds.sequence(first));
            // As if the ids above had been handed out by a clock an hour ahead of this one.
            long ahead = (System.currentTimeMillis() + Duration.ofHours(1).toMillis()) << 12;
            try (WriteBatch b = new WriteBatch()) {
                b.put(db.cf(MetaDb.Cf.DEFAULT), VersionIds.CLOCK_KEY, Keys.longBytes(ahead));
                db.writeSync(b);
            }
            recorded = ahead;
        }
        try (RocksObjectStore store = RocksObjectStore.open(dir)) {
            String next = store.deleteObject("clock", "k", null).versionId();
            assertThat(VersionIds.sequence(next)).isGreaterThan(recorded);
        }
    }
}
