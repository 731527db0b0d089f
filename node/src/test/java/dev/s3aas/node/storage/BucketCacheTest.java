package dev.s3aas.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BucketCacheTest {
    private static BucketRecord record(String name, long id) {
        return new BucketRecord(BucketRecord.FORMAT, id, name, 0L, "us-east-1", null);
    }

    @Test
    void servesTheRecordUntilInvalidatedThenReadsAgain() throws Exception {
        BucketCache cache = new BucketCache();
        AtomicInteger reads = new AtomicInteger();
        BucketCache.Loader loader = name -> record(name, reads.incrementAndGet());
        assertThat(cache.get("b", loader).id()).isEqualTo(1);
        assertThat(cache.get("b", loader).id()).isEqualTo(1);
        cache.invalidate();
        assertThat(cache.get("b", loader).id()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aMissingBucketIsNotRemembered() throws Exception {
        BucketCache cache = new BucketCache();
        AtomicInteger reads = new AtomicInteger();
        BucketCache.Loader missing = name -> {
            reads.incrementAndGet();
            throw new StorageException(StorageError.NO_SUCH_BUCKET, "gone");
        };
        assertThatThrownBy(() -> cache.get("b", missing)).isInstanceOf(StorageException.class);
        assertThat(cache.get("b", name -> record(name, 7)).id()).isEqualTo(7);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aRecordReadBeforeAnInvalidationIsNotServedAfterIt() throws Exception {
        BucketCache cache = new BucketCache();
        // The commit lands while the reader is between noting the generation and filing the record.
        assertThat(cache.get("b", name -> {
            cache.invalidate();
            return record(name, 1);
        }).id()).isEqualTo(1);
        assertThat(cache.get("b", name -> record(name, 2)).id()).isEqualTo(2);
    }
}
