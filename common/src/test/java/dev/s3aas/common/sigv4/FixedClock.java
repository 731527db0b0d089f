package dev.s3aas.common.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clocks for tests. */
final class FixedClock {
    private FixedClock() {
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static Clock at(String iso) {
        return at(Instant.parse(iso));
    }
}
