package dev.s3aas.cli;

import dev.s3aas.bench.BenchOptions;
import dev.s3aas.bench.Benchmark;
import dev.s3aas.bench.Op;
import dev.s3aas.bench.PayloadSigning;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code s3aas bench}: the S3 load generator. Options left unset take the standard matrix, or the
 * {@code --quick} preset's values.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark an s3aas node against S3Proxy: PUT/GET of 4 KiB, 1 MiB and 64 MiB objects,",
            "interleaved cell by cell, with per-repetition ratios, client and server CPU per op, peak RSS."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Smoke preset: 1 repetition, 1 s cells, 4k,1m at c=1,16 (< 1 min).")
    boolean quick;

    @Option(names = "--reps", description = "Repetitions (default 3).")
    Integer reps;

    @Option(names = "--duration", description = "Measured time per cell, e.g. 5s, 1500ms (default 5s).")
    String duration;

    @Option(names = "--warmup", description = "Warm-up per cell for objects < 16 MiB (default 1s).")
    String warmup;

    @Option(names = "--cells", split = ",", description = "Object sizes (default 4k,1m,64m).")
    List<String> cells;

    @Option(names = "--ops", split = ",", description = "Operations: put,get (default both).")
    List<String> ops;

    @Option(names = "--concurrency", split = ",", description = "Concurrencies for objects < 16 MiB (default 1,16,64).")
    List<Integer> concurrency;

    @Option(names = "--large-concurrency", split = ",", description = "Concurrencies for objects >= 16 MiB (default 4,16).")
    List<Integer> largeConcurrency;

    @Option(names = "--client", defaultValue = "lean", description = "lean (raw SigV4 HTTP/1.1) or sdk (AWS SDK v2).")
    String client;

    @Option(names = "--payload", defaultValue = "unsigned", description = "unsigned (UNSIGNED-PAYLOAD) or signed (SHA-256).")
    String payload;

    @Option(names = "--threads", defaultValue = "platform", description = "Worker threads: platform or virtual.")
    String threads;

    @Option(names = "--peer", defaultValue = "s3proxy", description = "s3proxy, rgw (a running Ceph gateway), node "
            + "(a running s3aas node of another build, e.g. the previous commit) or none.")
    String peer;

    @Option(names = {"--peer-endpoint", "--rgw-endpoint"},
            description = "The running peer for --peer rgw or node, e.g. http://127.0.0.1:7480.")
    URI peerEndpoint;

    @Option(names = {"--peer-access-key", "--rgw-access-key"}, description = "Access key at that peer.")
    String peerAccessKey;

    @Option(names = {"--peer-secret-key", "--rgw-secret-key"}, description = "Its secret key.")
    String peerSecretKey;

    @Option(names = "--peer-pid", defaultValue = "-1", description = "PID of the peer's process, for its CPU and RSS.")
    long peerPid;

    @Option(names = "--no-raw", description = "Skip the raw-disk (write+fsync / read) baseline.")
    boolean noRaw;

    @Option(names = "--verify-every", defaultValue = "64", description = "Compare all bytes of 1 GET in N (default 64).")
    int verifyEvery;

    @Option(names = "--part-size", defaultValue = "8m", description = "Multipart part size (default 8m).")
    String partSize;

    @Option(names = "--out", description = "Write machine-readable results (JSON) to this file.")
    Path out;

    @Option(names = "--work-dir", description = "Directory for server data dirs and the raw-disk files (default: temp).")
    Path workDir;

    @Option(names = "--keep-data", description = "Keep data dirs and server logs.")
    boolean keepData;

    @Option(names = "--server-jvm-opts", defaultValue = "-Xms256m -Xmx1g",
            description = "JVM flags for both servers (default: ${DEFAULT-VALUE}).")
    String serverJvmOpts;

    @Option(names = "--s3proxy-jar", description = "S3Proxy jar-with-dependencies (default: bench/target/s3proxy).")
    Path s3proxyJar;

    @Option(names = "--node-endpoint", description = "Bench this running server instead of starting a node.")
    URI nodeEndpoint;

    @Option(names = "--access-key", description = "Access key for --node-endpoint.")
    String accessKey;

    @Option(names = "--secret-key", description = "Secret key for --node-endpoint.")
    String secretKey;

    @Option(names = "--node-pid", defaultValue = "-1", description = "PID of --node-endpoint's process, for its CPU and RSS.")
    long nodePid;

    @Override
    public Integer call() throws Exception {
        return Benchmark.run(options(), System.out);
    }

    BenchOptions options() {
        BenchOptions.Workload base = quick ? BenchOptions.Workload.quick() : BenchOptions.Workload.standard();
        BenchOptions.Workload workload = new BenchOptions.Workload(
                reps != null ? reps : base.reps(),
                duration != null ? parseDuration(duration) : base.duration(),
                warmup != null ? parseDuration(warmup) : base.warmup(),
                cells != null ? cells.stream().map(BenchCommand::parseSize).toList() : base.sizes(),
                ops != null ? ops.stream().map(o -> choice(Op.class, o, "--ops")).toList() : base.ops(),
                concurrency != null ? concurrency : base.concurrency(),
                largeConcurrency != null ? largeConcurrency : base.largeConcurrency(),
                verifyEvery, parseSize(partSize));
        BenchOptions.Client clientOptions = new BenchOptions.Client(
                choice(BenchOptions.ClientKind.class, client, "--client"),
                choice(PayloadSigning.class, payload, "--payload"),
                choice(BenchOptions.WorkerThreads.class, threads, "--threads"));
        BenchOptions.ExternalNode external = null;
        if (nodeEndpoint != null) {
            if (accessKey == null || secretKey == null) {
                throw new ParameterException(spec.commandLine(), "--node-endpoint needs --access-key and --secret-key");
            }
            external = new BenchOptions.ExternalNode(nodeEndpoint, accessKey, secretKey, nodePid);
        }
        List<String> jvm = new ArrayList<>(Arrays.stream(serverJvmOpts.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .toList());
        BenchOptions.Peer peerKind = choice(BenchOptions.Peer.class, peer, "--peer");
        BenchOptions.ExternalNode remotePeer = null;
        if (peerKind.remote()) {
            if (peerEndpoint == null || peerAccessKey == null || peerSecretKey == null) {
                throw new ParameterException(spec.commandLine(), "--peer " + peer
                        + " needs --peer-endpoint, --peer-access-key and --peer-secret-key");
            }
            remotePeer = new BenchOptions.ExternalNode(peerEndpoint, peerAccessKey, peerSecretKey, peerPid);
        }
        BenchOptions.Setup setup = new BenchOptions.Setup(peerKind, !noRaw, external, remotePeer, jvm, s3proxyJar, workDir,
                keepData);
        return new BenchOptions(workload, clientOptions, setup, out);
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "bad " + option + " value '" + value + "', expected one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** "4k", "1m", "64m", "1g" or bytes; binary units. */
    static long parseSize(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits.trim()) * unit;
    }

    /** "1500ms", "8s", "2m" or plain seconds. */
    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }
}
