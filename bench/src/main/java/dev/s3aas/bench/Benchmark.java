package dev.s3aas.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark: starts the servers, writes the objects GET cells read, then for each repetition runs every
 * cell against every participant back to back, rotating the order each repetition so that the machine's
 * slow and fast phases hit all participants alike; then reports medians, ratios and the targets.
 */
public final class Benchmark {
    private final BenchOptions options;
    private final PrintStream out;
    private final Report report;

    private Benchmark(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.report = new Report(out);
    }

    /** Runs the benchmark; returns the exit status: 0, or 1 if any operation failed (zero errors are tolerated). */
    public static int run(BenchOptions options, PrintStream out) throws Exception {
        return new Benchmark(options, out).execute();
    }

    /** The cells of a workload: sizes ascending, PUT before GET, concurrencies ascending. */
    static List<Cell> cells(BenchOptions.Workload w) {
        List<Cell> cells = new ArrayList<>();
        for (long size : w.sizes().stream().sorted().distinct().toList()) {
            List<Integer> cs = size >= BenchOptions.LARGE_OBJECT ? w.largeConcurrency() : w.concurrency();
            for (Op op : w.ops().stream().sorted().distinct().toList()) {
                for (int c : cs.stream().sorted().distinct().toList()) {
                    cells.add(new Cell(op, size, c));
                }
            }
        }
        return cells;
    }

    private int execute() throws Exception {
        BenchOptions.Setup setup = options.setup();
        boolean tempDir = setup.workDir() == null;
        Path work = tempDir ? Files.createTempDirectory("s3aas-bench-")
                : Files.createDirectories(setup.workDir()).resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(work);
        List<Cell> cells = cells(options.workload());
        MachineInfo machine = MachineInfo.collect(work);
        out.println("machine: " + machine.describe());
        out.println("work dir: " + work);
        List<ServerProcess> processes = new ArrayList<>();
        try {
            List<Participant> participants = startParticipants(work, processes);
            Payloads payloads = new Payloads(options.workload().sizes().stream().mapToLong(Long::longValue).max()
                    .orElseThrow());
            participants = prepareServers(participants, payloads, cells);
            describe(participants);
            prepareGets(participants, payloads, cells);
            if (options.client().payload() == PayloadSigning.SIGNED) {
                precomputeHashes(payloads);
            }
            List<RunResult> runs = runAll(participants, payloads, cells, processes);
            return finish(machine, participants, cells, runs);
        } finally {
            processes.forEach(ServerProcess::close);
            if (!setup.keepData()) {
                Servers.deleteTree(work);
            } else {
                out.println("kept data and server logs in " + work);
            }
        }
    }

    private List<Participant> startParticipants(Path work, List<ServerProcess> processes) throws Exception {
        BenchOptions.Setup setup = options.setup();
        List<Participant> participants = new ArrayList<>();
        if (setup.externalNode() != null) {
            BenchOptions.ExternalNode ext = setup.externalNode();
            participants.add(new Participant.Server("s3aas", Endpoint.of(ext.endpoint(), ext.accessKey(),
                    ext.secretKey(), "us-east-1"), ext.pid(), true, true, "external server"));
        } else {
            Servers.Started node = Servers.startNode(work, setup.serverJvmOptions());
            processes.add(node.process());
            participants.add(node.server());
        }
        if (setup.peer() == BenchOptions.Peer.S3PROXY) {
            Servers.Started proxy = Servers.startS3Proxy(work, Servers.locateS3Proxy(setup.s3proxyJar()),
                    setup.serverJvmOptions());
            processes.add(proxy.process());
            participants.add(proxy.server());
        }
        if (setup.peer() == BenchOptions.Peer.RGW) {
            // A gateway of a Ceph cluster started elsewhere: its process is not ours to measure (pid -1). Ceph
            // acknowledges a write once every replica in the acting set has it in its object store; on the local
            // test cluster that store is memstore (RAM), so it is not counted as fsyncing.
            BenchOptions.ExternalNode rgw = setup.remotePeer();
            participants.add(new Participant.Server("ceph-rgw", Endpoint.of(rgw.endpoint(), rgw.accessKey(),
                    rgw.secretKey(), "us-east-1"), rgw.pid(), false, true, "Ceph RGW gateway " + rgw.endpoint()));
        }
        if (setup.peer() == BenchOptions.Peer.NODE) {
            // Another build of the node (started by whoever runs the bench, durable as every node is).
            BenchOptions.ExternalNode base = setup.remotePeer();
            participants.add(new Participant.Server("baseline", Endpoint.of(base.endpoint(), base.accessKey(),
                    base.secretKey(), "us-east-1"), base.pid(), true, true, "s3aas node (baseline build)"));
        }
        if (setup.rawDisk()) {
            Path raw = Files.createDirectories(work.resolve("raw-disk"));
            participants.add(new Participant.RawDisk(raw));
        }
        return participants;
    }

    /** Creates the bucket on each server and probes multipart support when a large PUT cell needs it. */
    private List<Participant> prepareServers(List<Participant> participants, Payloads payloads, List<Cell> cells)
            throws Exception {
        boolean needMultipart = cells.stream().anyMatch(c -> c.op() == Op.PUT && c.size() >= BenchOptions.LARGE_OBJECT);
        List<Participant> out = new ArrayList<>();
        for (Participant p : participants) {
            if (p instanceof Participant.Server s) {
                try (LeanS3Client c = new LeanS3Client(s.endpoint(), Clients.BUCKET, options.client().payload(),
                        payloads)) {
                    c.createBucket();
                    out.add(needMultipart ? s.withMultipart(probeMultipart(c)) : s);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private boolean probeMultipart(LeanS3Client c) throws Exception {
        try {
            String id = c.initiateMultipart("probe/multipart");
            c.abortMultipart("probe/multipart", id);
            return true;
        } catch (BenchFailure e) {
            if (e.status() == 501) {
                return false;
            }
            throw e;
        }
    }

    private void describe(List<Participant> participants) {
        for (Participant p : participants) {
            switch (p) {
                case Participant.Server s -> out.printf("%-9s %s at %s, pid %d; fsync: %s; multipart: %s%n",
                        s.name(), s.description(), s.endpoint().hostHeader(), s.pid(), s.fsyncs() ? "yes" : "no",
                        s.multipart() ? "yes" : "no (501 NotImplemented)");
                case Participant.RawDisk r -> out.printf("%-9s write + fsync per object / read, in %s%n", r.name(),
                        r.dir());
            }
        }
        out.println("fsync: " + String.join(" / ", participants.stream().filter(Participant.Server.class::isInstance)
                .map(p -> p.name() + (((Participant.Server) p).fsyncs() ? " yes" : " no")).toList()));
        if (participants.stream().anyMatch(p -> p instanceof Participant.Server s && !s.multipart())) {
            out.println("NOTE: a server answered 501 NotImplemented to CreateMultipartUpload: large PUT cells use a"
                    + " single PUT on every server, so the comparison stays like for like.");
        }
        out.printf("client: %s, payload %s, %s threads; byte-for-byte verification of 1 GET in %d (length always)%n",
                options.client().kind().name().toLowerCase(), options.client().payload().name().toLowerCase(),
                options.client().threads().name().toLowerCase(), options.workload().verifyEvery());
        out.flush();
    }

    /** Writes the objects GET cells read, on every participant, with 4 parallel uploads. */
    private void prepareGets(List<Participant> participants, Payloads payloads, List<Cell> cells) throws Exception {
        List<Long> sizes = cells.stream().filter(c -> c.op() == Op.GET).map(Cell::size).distinct().toList();
        int parallel = 4;
        BenchOptions.Client lean = new BenchOptions.Client(BenchOptions.ClientKind.LEAN, options.client().payload(),
                options.client().threads());
        for (Participant p : participants) {
            long t0 = System.nanoTime();
            try (Clients clients = Clients.open(p, parallel, lean, payloads)) {
                ExecutorService pool = Executors.newFixedThreadPool(parallel);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int w = 0; w < parallel; w++) {
                        LoadClient client = clients.list().get(w);
                        int worker = w;
                        futures.add(pool.submit(() -> {
                            for (long size : sizes) {
                                for (int i = worker; i < Keys.getObjects(size); i += parallel) {
                                    client.put(Keys.getKey(size, i), payloads.payload(size, Keys.getPayloadIndex(i)));
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            out.printf("prepared GET objects on %s in %.1f s%n", p.name(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private void precomputeHashes(Payloads payloads) {
        long part = options.workload().partSize();
        for (long size : options.workload().sizes()) {
            for (int v = 0; v < Payloads.variants(size); v++) {
                Payload p = payloads.payload(size, v);
                payloads.sha256Hex(p);
                if (size >= BenchOptions.LARGE_OBJECT) {
                    for (long start = 0; start < size; start += part) {
                        payloads.sha256Hex(p.part(start, Math.min(part, size - start)));
                    }
                }
            }
        }
    }

    private List<RunResult> runAll(List<Participant> participants, Payloads payloads, List<Cell> cells,
            List<ServerProcess> processes) throws Exception {
        BenchOptions.Workload w = options.workload();
        CellRunner runner = new CellRunner(payloads, new CellRunner.Settings(w.warmup(), w.duration(),
                w.verifyEvery(), w.partSize(), options.client().threads() == BenchOptions.WorkerThreads.VIRTUAL));
        boolean multipart = participants.stream().noneMatch(p -> p instanceof Participant.Server s && !s.multipart());
        List<RunResult> runs = new ArrayList<>();
        for (int rep = 0; rep < w.reps(); rep++) {
            for (Cell cell : cells) {
                for (int i = 0; i < participants.size(); i++) {
                    Participant p = participants.get((i + rep) % participants.size());
                    boolean mp = multipart && cell.op() == Op.PUT && cell.size() >= BenchOptions.LARGE_OBJECT;
                    RunResult r;
                    try (Clients clients = Clients.open(p, cell.concurrency(), options.client(), payloads)) {
                        r = runner.run(cell, p, rep, clients.list(), mp);
                    }
                    runs.add(r);
                    report.progress(r, w.reps());
                    for (ServerProcess sp : processes) {
                        if (!sp.alive()) {
                            throw new IOException("a server process died; its log " + sp.log() + " ends with:\n"
                                    + sp.tail());
                        }
                    }
                }
            }
        }
        return runs;
    }

    private int finish(MachineInfo machine, List<Participant> participants, List<Cell> cells, List<RunResult> runs)
            throws IOException {
        String node = participants.get(0).name();
        String peer = participants.stream().filter(p -> p instanceof Participant.Server && p != participants.get(0))
                .map(Participant::name).findFirst().orElse(null);
        String raw = participants.stream().filter(p -> p instanceof Participant.RawDisk).map(Participant::name)
                .findFirst().orElse(null);
        Summary summary = Summary.of(cells, runs, node, peer, raw);
        report.cellTables(summary);
        report.summaryTable(summary);
        long errors = runs.stream().filter(RunResult::failed).count();
        // The targets are ratios against S3Proxy; against a Ceph gateway or another build the run is a report.
        List<Targets.Check> targets = options.setup().peer().remote() ? List.of()
                : Targets.evaluate(summary, options.workload().largeConcurrency(), errors);
        if (!targets.isEmpty()) {
            report.targets(targets);
        }
        out.println();
        out.println("fsync: " + String.join(" / ", participants.stream().filter(Participant.Server.class::isInstance)
                .map(p -> p.name() + (((Participant.Server) p).fsyncs() ? " yes" : " no")).toList()));
        if (options.out() != null) {
            JsonReport.write(options.out(), machine, options, participants, summary, targets);
            out.println("results written to " + options.out().toAbsolutePath());
        }
        if (errors > 0) {
            out.println("FAILED: " + errors + " run(s) had errors (zero tolerated)");
            return 1;
        }
        return 0;
    }
}
