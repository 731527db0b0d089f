package dev.s3aas.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How lifecycle days are counted and which rule decides a current version's expiration. */
class LifecycleConfigurationTest {
    /**
     * "Lifecycle configuration elements": an object created 1/15/2014 10:30 AM UTC with 3 days is due
     * 1/19/2014 00:00 UTC, the same for a successor version created then (noncurrent days).
     */
    @ParameterizedTest
    @CsvSource({
        "2014-01-15T10:30:00Z, 3, 2014-01-19T00:00:00Z",
        "2014-01-15T23:59:59.999Z, 1, 2014-01-17T00:00:00Z",
        "2014-01-15T00:00:00Z, 1, 2014-01-17T00:00:00Z",
        "2014-12-31T12:00:00Z, 1, 2015-01-02T00:00:00Z",
    })
    void daysAreAddedAndRoundedUpToTheNextMidnightUtc(Instant from, int days, Instant due) {
        assertThat(LifecycleConfiguration.dueAfter(from, days)).isEqualTo(due);
    }

    @Test
    void theEarliestEnabledMatchingRuleDecides() {
        var c = new LifecycleConfiguration(List.of(
                rule("late", LifecycleFilter.ALL, LifecycleConfiguration.Expiration.ofDays(30)),
                rule("early", new LifecycleFilter("", Map.of("t", "1"), null, null, false),
                        LifecycleConfiguration.Expiration.ofDays(2)),
                new LifecycleConfiguration.Rule("off", LifecycleConfiguration.Status.DISABLED, LifecycleFilter.ALL,
                        false, LifecycleConfiguration.Expiration.ofDays(1), null, null),
                rule("marker", LifecycleFilter.ALL, LifecycleConfiguration.Expiration.expiredObjectDeleteMarker(true))));
        Instant t = Instant.parse("2024-03-01T08:00:00Z");
        assertThat(c.currentVersionExpiry("k", 1, Map.of(), t)).contains(
                new LifecycleConfiguration.Expiry(Instant.parse("2024-04-01T00:00:00Z"), "late"));
        assertThat(c.currentVersionExpiry("k", 1, Map.of("t", "1", "other", "x"), t)).contains(
                new LifecycleConfiguration.Expiry(Instant.parse("2024-03-04T00:00:00Z"), "early"));
    }

    @Test
    void filtersMatchPrefixEveryTagAndSizesStrictly() {
        var f = new LifecycleFilter("p/", Map.of("a", "1", "b", ""), 10L, 20L, true);
        assertThat(f.matches("p/x", 15, Map.of("a", "1", "b", "", "c", "3"))).isTrue();
        assertThat(f.matches("q/x", 15, Map.of("a", "1", "b", ""))).isFalse();
        assertThat(f.matches("p/x", 10, Map.of("a", "1", "b", ""))).isFalse();
        assertThat(f.matches("p/x", 20, Map.of("a", "1", "b", ""))).isFalse();
        assertThat(f.matches("p/x", 15, Map.of("a", "1"))).isFalse();
        assertThat(f.matches("p/x", 15, Map.of("a", "2", "b", ""))).isFalse();
        assertThat(f.matchesKeyOnly("p/x")).isFalse();
        assertThat(new LifecycleFilter("p/", null, null, null, false).matchesKeyOnly("p/x")).isTrue();
    }

    private static LifecycleConfiguration.Rule rule(String id, LifecycleFilter f, LifecycleConfiguration.Expiration e) {
        return new LifecycleConfiguration.Rule(id, LifecycleConfiguration.Status.ENABLED, f, false, e, null, null);
    }
}
