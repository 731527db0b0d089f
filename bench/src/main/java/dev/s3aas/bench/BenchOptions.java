package dev.s3aas.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a benchmark run is told: the workload matrix, the client, the servers, where results go.
 *
 * @param out machine-readable results (JSON), or null for none
 */
public record BenchOptions(Workload workload, Client client, Setup setup, Path out) {
    /** Objects at least this big use the large-object concurrencies, multipart PUT and no warm-up. */
    public static final long LARGE_OBJECT = 16L << 20;

    public BenchOptions {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(setup, "setup");
    }

    /**
     * The matrix and its timing.
     *
     * @param ops the operations to measure (both by default; one alone to profile a server under it)
     * @param concurrency concurrencies for objects below {@link #LARGE_OBJECT}
     * @param largeConcurrency concurrencies for objects of {@link #LARGE_OBJECT} and more
     * @param verifyEvery every n-th GET of a worker has all its bytes compared (1 = all); the length always is
     * @param partSize multipart part size for large PUTs
     */
    public record Workload(int reps, Duration duration, Duration warmup, List<Long> sizes, List<Op> ops,
            List<Integer> concurrency,
            List<Integer> largeConcurrency, int verifyEvery, long partSize) {
        public Workload {
            if (reps < 1 || verifyEvery < 1 || partSize < (5L << 20)) {
                throw new IllegalArgumentException("reps and verifyEvery must be >= 1, part size >= 5 MiB (S3 minimum)");
            }
            if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
                throw new IllegalArgumentException("duration must be positive and warm-up not negative");
            }
            sizes = List.copyOf(sizes);
            ops = List.copyOf(ops);
            concurrency = List.copyOf(concurrency);
            largeConcurrency = List.copyOf(largeConcurrency);
            if (sizes.isEmpty() || ops.isEmpty() || concurrency.isEmpty() || largeConcurrency.isEmpty()
                    || concurrency.stream().anyMatch(c -> c < 1) || largeConcurrency.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("sizes and concurrencies must be non-empty and positive");
            }
        }

        /** The matrix: 4 KiB, 1 MiB at c = 1, 16, 64; 64 MiB at c = 4, 16; three repetitions. */
        public static Workload standard() {
            return new Workload(3, Duration.ofSeconds(5), Duration.ofSeconds(1),
                    List.of(4L << 10, 1L << 20, 64L << 20), List.of(Op.PUT, Op.GET), List.of(1, 16, 64), List.of(4, 16), 64, 8L << 20);
        }

        /** A smoke run well under a minute: one repetition of short cells of small objects. */
        public static Workload quick() {
            return new Workload(1, Duration.ofSeconds(1), Duration.ofMillis(200),
                    List.of(4L << 10, 1L << 20), List.of(Op.PUT, Op.GET), List.of(1, 16), List.of(4), 64, 8L << 20);
        }
    }

    /** The load generator's client. */
    public record Client(ClientKind kind, PayloadSigning payload, WorkerThreads threads) {
        public Client {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(payload);
            Objects.requireNonNull(threads);
        }

        public static Client lean() {
            return new Client(ClientKind.LEAN, PayloadSigning.UNSIGNED, WorkerThreads.PLATFORM);
        }
    }

    /**
     * The servers.
     *
     * @param externalNode bench this already running server instead of starting a node, or null
     * @param remotePeer the peer's endpoint and keys when it runs elsewhere ({@link Peer#remote()}), else null
     * @param serverJvmOptions JVM flags given to every server started here
     * @param s3proxyJar the S3Proxy jar-with-dependencies, or null to look for bench/target/s3proxy
     * @param workDir where data dirs go (the same filesystem is used for the raw-disk baseline), or null for a
     *     temporary directory
     * @param keepData leave the data dirs and logs behind
     */
    public record Setup(Peer peer, boolean rawDisk, ExternalNode externalNode, ExternalNode remotePeer,
            List<String> serverJvmOptions, Path s3proxyJar, Path workDir, boolean keepData) {
        public Setup {
            Objects.requireNonNull(peer);
            if (peer.remote() != (remotePeer != null)) {
                throw new IllegalArgumentException("--peer " + peer.name().toLowerCase(java.util.Locale.ROOT)
                        + (peer.remote() ? " needs" : " takes no") + " --peer-endpoint, --peer-access-key, --peer-secret-key");
            }
            serverJvmOptions = List.copyOf(serverJvmOptions);
        }

        public static Setup standard() {
            return new Setup(Peer.S3PROXY, true, null, null, List.of("-Xms256m", "-Xmx1g"), null, null, false);
        }
    }

    /** An s3aas-compatible server started elsewhere; {@code pid} (or -1) lets the benchmark read its CPU and RSS. */
    public record ExternalNode(URI endpoint, String accessKey, String secretKey, long pid) {
        public ExternalNode {
            Objects.requireNonNull(endpoint);
            Objects.requireNonNull(accessKey);
            Objects.requireNonNull(secretKey);
        }
    }

    public enum ClientKind { LEAN, SDK }

    /**
     * What the node is compared with: S3Proxy started here; a running Ceph RGW gateway; a running s3aas node of
     * another build (an earlier commit, to measure what a change costs as a ratio in one interleaved run); or
     * nothing.
     */
    public enum Peer {
        S3PROXY, RGW, NODE, NONE;

        /** Whether the peer runs elsewhere, reached by endpoint and keys. */
        public boolean remote() {
            return this == RGW || this == NODE;
        }
    }

    /** Platform threads or virtual threads for the workers (one blocking connection each either way). */
    public enum WorkerThreads { PLATFORM, VIRTUAL }
}
