package dev.s3aas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole engine on a tiny matrix: results against a real node, and a failed run against a lying server. */
class BenchmarkSmokeTest {
    @TempDir
    Path dir;

    @Test
    void producesResultsAgainstARealNode() throws Exception {
        try (InProcessNode node = new InProcessNode(dir.resolve("node"))) {
            Endpoint ep = node.endpoint();
            Path json = dir.resolve("out/results.json");
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int status = Benchmark.run(options(ep, json, 1), new PrintStream(text, true, StandardCharsets.UTF_8));
            String output = text.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isZero();
            assertThat(output).contains("PUT 4 KiB c=2", "GET 4 KiB c=2", "ratio s3aas/raw disk", "| cell |",
                    "no errors");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.get("cells")).hasSize(4);
            for (JsonNode cell : root.get("cells")) {
                assertThat(cell.get("runs")).hasSize(2); // the node and the raw disk
                for (JsonNode run : cell.get("runs")) {
                    assertThat(run.get("error").isNull()).isTrue();
                    assertThat(run.get("ops").asLong()).isPositive();
                }
            }
        }
    }

    @Test
    void comparesTwoBuildsWhenTheBaselineIsARunningNode() throws Exception {
        try (InProcessNode node = new InProcessNode(dir.resolve("node"));
                InProcessNode base = new InProcessNode(dir.resolve("base"))) {
            Endpoint b = base.endpoint();
            BenchOptions o = options(node.endpoint(), null, 1);
            BenchOptions.Setup s = o.setup();
            BenchOptions.Setup setup = new BenchOptions.Setup(BenchOptions.Peer.NODE, false, s.externalNode(),
                    new BenchOptions.ExternalNode(URI.create("http://" + b.hostHeader()), b.accessKey(), b.secretKey(),
                            -1), List.of(), null, s.workDir(), false);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int status = Benchmark.run(new BenchOptions(o.workload(), o.client(), setup, null),
                    new PrintStream(text, true, StandardCharsets.UTF_8));
            String output = text.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isZero();
            assertThat(output).contains("ratio s3aas/baseline", "fsync: s3aas yes / baseline yes")
                    .doesNotContain("raw disk");
        }
    }

    @Test
    void failsWhenAServerReturnsCorruptedBytes() throws Exception {
        try (FakeHttpServer liar = new FakeHttpServer(FakeHttpServer.store(true))) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            // verify every GET: the corruption must be caught on the first one
            int status = Benchmark.run(options(liar.endpoint(), null, 1),
                    new PrintStream(text, true, StandardCharsets.UTF_8));
            String output = text.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isEqualTo(1);
            assertThat(output).contains("content differs from what was written", "FAILED");
        }
    }

    @Test
    void lengthIsCheckedEvenWhenBytesAreNotSampled() throws Exception {
        try (FakeHttpServer honest = new FakeHttpServer(FakeHttpServer.store(false))) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int status = Benchmark.run(options(honest.endpoint(), null, 1_000_000),
                    new PrintStream(text, true, StandardCharsets.UTF_8));
            assertThat(status).as(text.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    private BenchOptions options(Endpoint ep, Path json, int verifyEvery) {
        BenchOptions.Workload w = new BenchOptions.Workload(1, Duration.ofMillis(400), Duration.ofMillis(100),
                List.of(4096L), List.of(Op.PUT, Op.GET), List.of(1, 2), List.of(2), verifyEvery, 8L << 20);
        BenchOptions.Setup setup = new BenchOptions.Setup(BenchOptions.Peer.NONE, true,
                new BenchOptions.ExternalNode(URI.create("http://" + ep.hostHeader()), ep.accessKey(), ep.secretKey(),
                        -1), null, List.of(), null, dir.resolve("work"), false);
        return new BenchOptions(w, BenchOptions.Client.lean(), setup, json);
    }
}
