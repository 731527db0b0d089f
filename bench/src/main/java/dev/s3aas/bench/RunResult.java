package dev.s3aas.bench;

/**
 * One measurement: one participant running one cell in one repetition.
 *
 * @param elapsedNanos from the start of the measured window until its last operation finished
 * @param serverCpuNanos CPU the participant's process used in the window, or -1 when not measurable
 * @param peakRssBytes the participant's peak RSS during the cell, or -1
 * @param error the first failure, or null: a failed run counts as an error of the whole benchmark
 */
record RunResult(String participant, Cell cell, int rep, String mode, long ops, long bytes, long elapsedNanos,
        LatencyRecorder.Latencies latency, long clientCpuNanos, long serverCpuNanos, long peakRssBytes,
        String error) {

    double opsPerSecond() {
        return elapsedNanos <= 0 ? 0 : ops * 1e9 / elapsedNanos;
    }

    double mibPerSecond() {
        return elapsedNanos <= 0 ? 0 : bytes / (double) ByteSizes.MIB * 1e9 / elapsedNanos;
    }

    double clientCpuMicrosPerOp() {
        return ops == 0 ? Double.NaN : clientCpuNanos / 1e3 / ops;
    }

    double serverCpuMicrosPerOp() {
        return ops == 0 || serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / ops;
    }

    boolean failed() {
        return error != null;
    }
}
