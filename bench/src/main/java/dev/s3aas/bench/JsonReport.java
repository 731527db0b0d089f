package dev.s3aas.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable result: every run, the per-cell medians and ratios, the targets. */
final class JsonReport {
    private JsonReport() {}

    static void write(Path file, MachineInfo machine, BenchOptions options, List<Participant> participants,
            Summary summary, List<Targets.Check> targets) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("options", Map.of("reps", options.workload().reps(),
                "durationMillis", options.workload().duration().toMillis(),
                "warmupMillis", options.workload().warmup().toMillis(),
                "verifyEvery", options.workload().verifyEvery(),
                "partSize", options.workload().partSize(),
                "client", options.client().kind().name().toLowerCase(),
                "payload", options.client().payload().name().toLowerCase(),
                "threads", options.client().threads().name().toLowerCase()));
        List<Map<String, Object>> servers = new ArrayList<>();
        for (Participant p : participants) {
            if (p instanceof Participant.Server s) {
                servers.add(Map.of("name", s.name(), "fsync", s.fsyncs(), "multipart", s.multipart(),
                        "description", s.description()));
            }
        }
        root.put("servers", servers);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Summary.CellSummary c : summary.cells()) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("id", c.cell().id());
            cell.put("op", c.cell().op().name());
            cell.put("size", c.cell().size());
            cell.put("concurrency", c.cell().concurrency());
            cell.put("putMode", c.mode());
            cell.put("medians", c.stats());
            cell.put("peerRatios", finiteOrNull(c.peerRatios()));
            cell.put("peerRatioMedian", finiteOrNull(c.peerRatio()));
            cell.put("rawRatios", finiteOrNull(c.rawRatios()));
            cell.put("rawRatioMedian", finiteOrNull(c.rawRatio()));
            cell.put("runs", c.runs().stream().map(JsonReport::run).toList());
            cells.add(cell);
        }
        root.put("cells", cells);
        root.put("targets", targets);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        mapper.writeValue(file.toFile(), root);
    }

    private static Map<String, Object> run(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("participant", r.participant());
        m.put("rep", r.rep() + 1);
        m.put("ops", r.ops());
        m.put("bytes", r.bytes());
        m.put("elapsedNanos", r.elapsedNanos());
        m.put("opsPerSecond", r.opsPerSecond());
        m.put("mibPerSecond", r.mibPerSecond());
        m.put("latencyNanos", r.latency());
        m.put("clientCpuMicrosPerOp", finiteOrNull(r.clientCpuMicrosPerOp()));
        m.put("serverCpuMicrosPerOp", finiteOrNull(r.serverCpuMicrosPerOp()));
        m.put("peakRssBytes", r.peakRssBytes() < 0 ? null : r.peakRssBytes());
        m.put("error", r.error());
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Double> finiteOrNull(List<Double> values) {
        return values.stream().map(v -> Double.isFinite(v) ? v : null).toList();
    }
}
