package dev.s3aas.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency of one worker, exactly (a cell records at most some hundred thousand): percentiles are then
 * computed on the merged, sorted samples instead of histogram buckets.
 */
final class LatencyRecorder {
    private long[] samples = new long[1 << 12];
    private int count;

    void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    int count() {
        return count;
    }

    /** p50, p90, p99 (nearest rank) over all recorders, in nanoseconds; zeros when there is no sample. */
    static Latencies percentiles(List<LatencyRecorder> recorders) {
        int total = recorders.stream().mapToInt(LatencyRecorder::count).sum();
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.samples, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        return new Latencies(rank(all, 0.50), rank(all, 0.90), rank(all, 0.99));
    }

    private static long rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Latency percentiles in nanoseconds. */
    record Latencies(long p50, long p90, long p99) {}
}
