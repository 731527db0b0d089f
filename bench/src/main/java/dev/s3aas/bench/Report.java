package dev.s3aas.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints runs as they finish, the per-cell tables with their per-repetition ratios, the summary and targets. */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void progress(RunResult r, int reps) {
        out.printf(Locale.ROOT, "[rep %d/%d] %-20s %-9s %s%n", r.rep() + 1, reps, r.cell().label(), r.participant(),
                r.failed() ? "FAILED: " + r.error() : line(r));
        out.flush();
    }

    private static String line(RunResult r) {
        return String.format(Locale.ROOT, "%9.1f ops/s %8.1f MiB/s  p50 %s p99 %s  client %s us/op  server %s us/op",
                r.opsPerSecond(), r.mibPerSecond(), ms(r.latency().p50()), ms(r.latency().p99()),
                num(r.clientCpuMicrosPerOp()), num(r.serverCpuMicrosPerOp()));
    }

    /** Per cell: every run, then the ratios of each repetition and their median. */
    void cellTables(Summary s) {
        for (Summary.CellSummary c : s.cells()) {
            out.println();
            out.printf("== %s (%s)%n", c.cell().label(), c.cell().op() == Op.PUT ? c.mode() + " PUT" : "GET");
            out.println("rep  participant     ops/s     MiB/s   p50 ms   p90 ms   p99 ms  client us/op  server us/op"
                    + "  peak RSS");
            for (RunResult r : c.runs()) {
                if (r.failed()) {
                    out.printf(Locale.ROOT, "%3d  %-10s FAILED: %s%n", r.rep() + 1, r.participant(), r.error());
                    continue;
                }
                out.printf(Locale.ROOT, "%3d  %-10s %10.1f %9.1f %8s %8s %8s %13s %13s %9s%n", r.rep() + 1,
                        r.participant(), r.opsPerSecond(), r.mibPerSecond(), ms(r.latency().p50()),
                        ms(r.latency().p90()), ms(r.latency().p99()), num(r.clientCpuMicrosPerOp()),
                        num(r.serverCpuMicrosPerOp()), mib(r.peakRssBytes()));
            }
            if (s.peer() != null) {
                out.printf("ratio %s/%s per rep: %s -> median %s%n", s.node(), s.peer(), list(c.peerRatios()),
                        ratio(c.peerRatio()));
            }
            if (s.raw() != null && !c.rawRatios().isEmpty()) {
                out.printf("ratio %s/%s (MiB/s) per rep: %s -> median %s%n", s.node(), s.raw(), list(c.rawRatios()),
                        ratio(c.rawRatio()));
            }
        }
    }

    /** The summary as a Markdown table (medians over repetitions), ready for docs/benchmarks.md. */
    void summaryTable(Summary s) {
        String n = s.node();
        String p = s.peer();
        out.println();
        out.println("Summary (medians over repetitions; ratio = median of per-repetition ratios):");
        out.println();
        StringBuilder header = new StringBuilder("| cell | " + n + " ops/s | " + n + " MiB/s | " + n + " p50/p99 ms ");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:");
        if (p != null) {
            header.append("| ").append(p).append(" ops/s | ").append(p).append(" MiB/s | ").append(p)
                    .append(" p50/p99 ms | ratio (per rep) ");
            rule.append("|---:|---:|---:|---:");
        }
        header.append("| client us/op | server us/op ").append(n).append(p == null ? "" : " / " + p)
                .append(" | peak RSS MiB ").append(n).append(p == null ? "" : " / " + p);
        rule.append("|---:|---:|---:");
        if (s.raw() != null) {
            header.append(" | raw MiB/s | ").append(n).append("/raw");
            rule.append("|---:|---:");
        }
        out.println(header.append(" |"));
        out.println(rule.append("|"));
        for (Summary.CellSummary c : s.cells()) {
            out.println(row(s, c));
        }
    }

    private String row(Summary s, Summary.CellSummary c) {
        StringBuilder row = new StringBuilder("| ").append(c.cell().label());
        if (c.cell().op() == Op.PUT && c.cell().size() >= BenchOptions.LARGE_OBJECT) {
            row.append(" (").append(c.mode()).append(")");
        }
        Summary.ParticipantStats node = c.of(s.node()).orElse(null);
        Summary.ParticipantStats peer = s.peer() == null ? null : c.of(s.peer()).orElse(null);
        appendThroughput(row, node);
        if (s.peer() != null) {
            appendThroughput(row, peer);
            row.append(" | **").append(ratio(c.peerRatio())).append("** (").append(list(c.peerRatios())).append(")");
        }
        row.append(" | ").append(node == null ? "-" : num(node.clientCpuMicrosPerOp()));
        row.append(" | ").append(node == null ? "-" : num(node.serverCpuMicrosPerOp()));
        if (s.peer() != null) {
            row.append(" / ").append(peer == null ? "-" : num(peer.serverCpuMicrosPerOp()));
        }
        row.append(" | ").append(node == null ? "-" : mib(node.peakRssBytes()));
        if (s.peer() != null) {
            row.append(" / ").append(peer == null ? "-" : mib(peer.peakRssBytes()));
        }
        if (s.raw() != null) {
            Summary.ParticipantStats raw = c.of(s.raw()).orElse(null);
            row.append(" | ").append(raw == null ? "-" : String.format(Locale.ROOT, "%.1f", raw.mibPerSecond()));
            row.append(" | ").append(ratio(c.rawRatio()));
        }
        return row.append(" |").toString();
    }

    private static void appendThroughput(StringBuilder row, Summary.ParticipantStats p) {
        if (p == null) {
            row.append(" | - | - | -");
            return;
        }
        row.append(String.format(Locale.ROOT, " | %.1f | %.1f | %s/%s", p.opsPerSecond(), p.mibPerSecond(),
                ms(p.p50()), ms(p.p99())));
    }

    void targets(List<Targets.Check> checks) {
        out.println();
        out.println("Targets (medians of per-repetition ratios against S3Proxy):");
        for (Targets.Check c : checks) {
            out.printf("  %-12s %-70s %s%n", c.verdict() == Targets.Verdict.NOT_MEASURED ? "n/a" : c.verdict(),
                    c.target(), c.measured());
        }
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, nanos >= 100_000_000L ? "%.0f" : nanos >= 10_000_000L ? "%.1f" : "%.2f",
                nanos / 1e6);
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "n/a";
    }

    static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2fx", v) : "n/a";
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : Long.toString(bytes / ByteSizes.MIB);
    }

    private static String list(List<Double> ratios) {
        return ratios.stream().map(r -> Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "n/a")
                .collect(Collectors.joining(" "));
    }
}
