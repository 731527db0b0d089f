package dev.s3aas.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineCacheTest {
    @Test
    void keepsEntriesUpToItsCapacityEvictingTheOldestFirst() {
        InlineCache cache = new InlineCache(32 * 10);
        for (int i = 0; i < 40; i++) {
            cache.put("id" + i, new byte[10]);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(320);
        assertThat(cache.get("id0")).isNull();
        assertThat(cache.get("id39")).hasSize(10);
    }

    @Test
    void doesNotKeepEntriesAboveAThirtySecondOfItsCapacity() {
        InlineCache cache = new InlineCache(32 * 10);
        cache.put("big", new byte[11]);
        assertThat(cache.get("big")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theFirstBytesStoredUnderAnIdStay() {
        InlineCache cache = new InlineCache(1024);
        byte[] first = {1};
        cache.put("id", first);
        cache.put("id", new byte[] {2});
        assertThat(cache.get("id")).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }
}
