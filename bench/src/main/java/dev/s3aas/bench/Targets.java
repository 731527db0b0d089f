package dev.s3aas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets, checked against the medians of a run (ratios against S3Proxy unless stated). */
final class Targets {
    /** One target and how the run fared against it. */
    record Check(String target, String measured, Verdict verdict) {}

    enum Verdict { PASS, MISS, NOT_MEASURED }

    private Targets() {}

    static List<Check> evaluate(Summary s, List<Integer> largeConcurrency, long errors) {
        List<Check> out = new ArrayList<>();
        out.add(ratio(s, Op.PUT, 4 << 10, 64, 2.5, "4 KiB PUT ops/s at c=64 >= 2.5x (every acknowledged PUT fsynced)"));
        out.add(ratio(s, Op.GET, 4 << 10, 64, 2.0, "4 KiB GET ops/s at c=64 >= 2x"));
        out.add(serverCpu(s, Op.GET, 4 << 10, 64, 100, "s3aas server CPU per 4 KiB GET at c=64 <= 100 us"));
        out.add(ratio(s, Op.PUT, 1 << 20, 16, 1.2, "1 MiB PUT MiB/s at c=16 >= 1.2x"));
        out.add(ratio(s, Op.GET, 1 << 20, 16, 1.5, "1 MiB GET MiB/s at c=16 >= 1.5x"));
        for (int c : largeConcurrency) {
            out.add(ratio(s, Op.PUT, 64 << 20, c, 2.0, "64 MiB PUT MiB/s at c=" + c + " >= 2x"));
            out.add(ratio(s, Op.GET, 64 << 20, c, 1.2, "64 MiB GET MiB/s at c=" + c + " >= 1.2x"));
        }
        out.add(rss(s));
        out.add(new Check("no errors", errors + " failed runs", errors == 0 ? Verdict.PASS : Verdict.MISS));
        return out;
    }

    private static Check ratio(Summary s, Op op, long size, int c, double min, String target) {
        Optional<Summary.CellSummary> cell = s.cell(op, size, c);
        if (cell.isEmpty() || !Double.isFinite(cell.get().peerRatio())) {
            return new Check(target, "not measured", Verdict.NOT_MEASURED);
        }
        double r = cell.get().peerRatio();
        String note = cell.get().mode().equals("single") && op == Op.PUT && size >= BenchOptions.LARGE_OBJECT
                ? " (single PUT: no multipart on the node)" : "";
        return new Check(target, String.format(Locale.ROOT, "%.2fx%s", r, note),
                r >= min ? Verdict.PASS : Verdict.MISS);
    }

    private static Check serverCpu(Summary s, Op op, long size, int c, double maxMicros, String target) {
        Optional<Summary.ParticipantStats> node = s.cell(op, size, c).flatMap(cs -> cs.of(s.node()));
        if (node.isEmpty() || !Double.isFinite(node.get().serverCpuMicrosPerOp())) {
            return new Check(target, "not measured", Verdict.NOT_MEASURED);
        }
        double us = node.get().serverCpuMicrosPerOp();
        return new Check(target, String.format(Locale.ROOT, "%.0f us", us),
                us <= maxMicros ? Verdict.PASS : Verdict.MISS);
    }

    private static Check rss(Summary s) {
        String target = "s3aas peak RSS under the 64-connection load <= 512 MiB";
        long peak = s.cells().stream().filter(c -> c.cell().concurrency() == 64)
                .flatMap(c -> c.of(s.node()).stream()).mapToLong(Summary.ParticipantStats::peakRssBytes).max()
                .orElse(-1);
        if (peak < 0) {
            return new Check(target, "not measured", Verdict.NOT_MEASURED);
        }
        return new Check(target, peak / ByteSizes.MIB + " MiB",
                peak <= 512 * ByteSizes.MIB ? Verdict.PASS : Verdict.MISS);
    }
}
