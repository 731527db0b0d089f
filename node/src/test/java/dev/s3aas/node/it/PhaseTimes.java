package dev.s3aas.node.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Wall time of named phases, once per round of a loop test, summarised as min / median / max / total. */
final class PhaseTimes {
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();

    /** Records that {@code phase} ran from {@code startNanos} ({@link System#nanoTime()}) until now; returns now. */
    long done(String phase, long startNanos) {
        long now = System.nanoTime();
        millis.computeIfAbsent(phase, p -> new ArrayList<>()).add((now - startNanos) / 1_000_000);
        return now;
    }

    List<Long> of(String phase) {
        return List.copyOf(millis.getOrDefault(phase, List.of()));
    }

    /** The latest time of each phase so far, as {@code phase N ms, …} (a progress line per round). */
    String lastOfEach() {
        return millis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get(e.getValue().size() - 1)
                + " ms").collect(Collectors.joining(", "));
    }

    /** One line per phase: {@code phase: n rounds, min / median / max / total ms}. */
    String summary() {
        return millis.entrySet().stream().map(e -> {
            List<Long> s = e.getValue().stream().sorted().toList();
            return String.format("%-6s %3d rounds, min %5d / median %5d / max %5d ms, total %6.1f s", e.getKey(),
                    s.size(), s.get(0), s.get(s.size() / 2), s.get(s.size() - 1),
                    s.stream().mapToLong(Long::longValue).sum() / 1000.0);
        }).collect(Collectors.joining("\n  ", "  ", ""));
    }
}
