package dev.s3aas.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-cell aggregation of all runs: medians across repetitions per participant, and the per-repetition
 * ratios of the node to the peer and to the raw disk. Ratios are taken within a repetition (the two runs were
 * back to back) and only then summarised by their median, so slow phases of a noisy machine cancel out.
 */
record Summary(List<CellSummary> cells, String node, String peer, String raw) {

    /** Medians of one participant in one cell. */
    record ParticipantStats(String name, double opsPerSecond, double mibPerSecond, long p50, long p90, long p99,
            double clientCpuMicrosPerOp, double serverCpuMicrosPerOp, long peakRssBytes, int failedRuns) {}

    /** One cell: each participant's medians and the ratios (NaN where a run is missing or failed). */
    record CellSummary(Cell cell, String mode, Map<String, ParticipantStats> stats, List<RunResult> runs,
            List<Double> peerRatios, double peerRatio, List<Double> rawRatios, double rawRatio) {

        Optional<ParticipantStats> of(String participant) {
            return Optional.ofNullable(stats.get(participant));
        }
    }

    static Summary of(List<Cell> cells, List<RunResult> runs, String node, String peer, String raw) {
        List<CellSummary> out = new ArrayList<>();
        for (Cell cell : cells) {
            List<RunResult> mine = runs.stream().filter(r -> r.cell().equals(cell)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<String, ParticipantStats> stats = new LinkedHashMap<>();
            for (String name : new String[] {node, peer, raw}) {
                List<RunResult> rs = mine.stream().filter(r -> r.participant().equals(name)).toList();
                if (name != null && !rs.isEmpty()) {
                    stats.put(name, stats(name, rs));
                }
            }
            String mode = mine.stream().filter(r -> r.participant().equals(node)).map(RunResult::mode).findFirst()
                    .orElse(mine.get(0).mode());
            List<Double> peerRatios = ratios(mine, node, peer, false);
            List<Double> rawRatios = ratios(mine, node, raw, true);
            out.add(new CellSummary(cell, mode, stats, mine, peerRatios, median(peerRatios), rawRatios,
                    median(rawRatios)));
        }
        return new Summary(out, node, peer, raw);
    }

    Optional<CellSummary> cell(Op op, long size, int concurrency) {
        return cells.stream().filter(c -> c.cell().equals(new Cell(op, size, concurrency))).findFirst();
    }

    private static ParticipantStats stats(String name, List<RunResult> rs) {
        List<RunResult> ok = rs.stream().filter(r -> !r.failed()).toList();
        return new ParticipantStats(name,
                median(ok.stream().map(RunResult::opsPerSecond).toList()),
                median(ok.stream().map(RunResult::mibPerSecond).toList()),
                (long) median(ok.stream().map(r -> (double) r.latency().p50()).toList()),
                (long) median(ok.stream().map(r -> (double) r.latency().p90()).toList()),
                (long) median(ok.stream().map(r -> (double) r.latency().p99()).toList()),
                median(ok.stream().map(RunResult::clientCpuMicrosPerOp).toList()),
                median(ok.stream().map(RunResult::serverCpuMicrosPerOp).toList()),
                rs.stream().mapToLong(RunResult::peakRssBytes).max().orElse(-1),
                (int) rs.stream().filter(RunResult::failed).count());
    }

    /** numerator/denominator per repetition (MiB/s; for one cell the same ratio as ops/s). */
    private static List<Double> ratios(List<RunResult> runs, String numerator, String denominator, boolean any) {
        List<Double> out = new ArrayList<>();
        if (numerator == null || denominator == null) {
            return out;
        }
        int reps = runs.stream().mapToInt(RunResult::rep).max().orElse(-1) + 1;
        for (int rep = 0; rep < reps; rep++) {
            Optional<RunResult> n = find(runs, numerator, rep);
            Optional<RunResult> d = find(runs, denominator, rep);
            if (n.isPresent() && d.isPresent() && !n.get().failed() && !d.get().failed()
                    && d.get().mibPerSecond() > 0) {
                out.add(n.get().mibPerSecond() / d.get().mibPerSecond());
            } else if (!any) {
                out.add(Double.NaN);
            }
        }
        return out;
    }

    private static Optional<RunResult> find(List<RunResult> runs, String participant, int rep) {
        return runs.stream().filter(r -> r.participant().equals(participant) && r.rep() == rep).findFirst();
    }

    /** Median of the finite values; NaN if there is none. */
    static double median(List<Double> values) {
        double[] v = values.stream().filter(d -> d != null && Double.isFinite(d)).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

}
