package dev.s3aas.node.scrub;

import dev.s3aas.node.storage.ScrubFinding;
import java.time.Instant;
import java.util.List;

/**
 * The scrubber's state for the admin API: its settings, whether a pass runs now, and the last completed pass
 * (null times before the first). {@code corrupt} lists what the last completed pass found (at most
 * {@link ScrubWorker#MAX_FINDINGS}, {@code corruptTotal} counts all of it); findings of a running pass are in
 * {@code running*}.
 */
public record ScrubReport(long rateBytesPerSecond, long intervalSeconds, boolean running, Instant runningSince,
                          long runningCorrupt, long passes, Instant lastPassStarted, Instant lastPassFinished,
                          long bytesScanned, long objectsScanned, long unverified, long corruptTotal,
                          List<Detected> corrupt) {
    /** A finding with when it was found. */
    public record Detected(ScrubFinding finding, Instant detectedAt) {}
}
