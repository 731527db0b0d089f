package dev.s3aas.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one cell against one participant: {@code concurrency} workers, each with its own client, in a closed
 * loop (one request outstanding per worker) for warm-up plus the measured duration. Workers start no
 * operation after the deadline but finish the one in flight, and the window ends when the last one does: no
 * operation is cut in half, which matters when a single 64 MiB upload takes seconds. Operations that started
 * during warm-up are not counted. The first error stops every worker and fails the run.
 */
final class CellRunner {
    /** How the runner runs: timing, sampling and multipart settings. */
    record Settings(Duration warmup, Duration duration, int verifyEvery, long partSize, boolean virtualThreads) {}

    private final Payloads payloads;
    private final Settings settings;

    CellRunner(Payloads payloads, Settings settings) {
        this.payloads = payloads;
        this.settings = settings;
    }

    /**
     * @param clients one per worker, already created; closed by the caller
     * @param multipart PUT through multipart upload (large objects on servers that support it)
     */
    RunResult run(Cell cell, Participant participant, int rep, List<LoadClient> clients, boolean multipart)
            throws InterruptedException {
        boolean large = cell.size() >= BenchOptions.LARGE_OBJECT;
        // The raw disk is a reference, not a contender: it needs no JIT warm-up and half the time is plenty.
        boolean raw = participant instanceof Participant.RawDisk;
        long warmupNanos = large || raw ? 0 : settings.warmup().toNanos();
        long durationNanos = raw ? settings.duration().toNanos() / 2 : settings.duration().toNanos();
        long pid = participant.pid();
        if (pid > 0) {
            ProcStats.resetPeakRss(pid);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + 20_000_000L; // time for every thread to be waiting on the latch
        long measureFrom = start + warmupNanos;
        long deadline = measureFrom + durationNanos;
        for (int i = 0; i < cell.concurrency(); i++) {
            Worker w = new Worker(i, cell, clients.get(i), multipart, measureFrom, deadline, ready, failure);
            workers.add(w);
            Thread.Builder builder = settings.virtualThreads() ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
            threads.add(builder.name("bench-" + participant.name() + "-" + i).start(w));
        }
        sleepUntil(start);
        ready.countDown();
        sleepUntil(measureFrom);
        long clientCpu0 = ProcStats.selfCpuNanos();
        long serverCpu0 = pid > 0 ? ProcStats.cpuNanos(pid) : -1;
        for (Thread t : threads) {
            t.join();
        }
        long clientCpu = ProcStats.selfCpuNanos() - clientCpu0;
        long serverCpu = serverCpu0 < 0 ? -1 : ProcStats.cpuNanos(pid) - serverCpu0;
        long end = workers.stream().mapToLong(w -> w.lastEnd).max().orElse(measureFrom);
        long ops = workers.stream().mapToLong(w -> w.latencies.count()).sum();
        Throwable error = failure.get();
        return new RunResult(participant.name(), cell, rep, multipart ? "multipart" : "single", ops,
                ops * cell.size(), Math.max(0, end - measureFrom),
                LatencyRecorder.percentiles(workers.stream().map(w -> w.latencies).toList()), clientCpu, serverCpu,
                pid > 0 ? ProcStats.peakRssBytes(pid) : -1, error == null ? null : describe(error));
    }

    private static String describe(Throwable e) {
        return e instanceof BenchFailure ? e.getMessage() : e.toString();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** One closed-loop worker. */
    private final class Worker implements Runnable {
        private final int index;
        private final Cell cell;
        private final LoadClient client;
        private final boolean multipart;
        private final long measureFrom;
        private final long deadline;
        private final CountDownLatch ready;
        private final AtomicReference<Throwable> failure;
        private final LatencyRecorder latencies = new LatencyRecorder();
        private volatile long lastEnd;

        Worker(int index, Cell cell, LoadClient client, boolean multipart, long measureFrom, long deadline,
                CountDownLatch ready, AtomicReference<Throwable> failure) {
            this.index = index;
            this.cell = cell;
            this.client = client;
            this.multipart = multipart;
            this.measureFrom = measureFrom;
            this.deadline = deadline;
            this.ready = ready;
            this.failure = failure;
        }

        @Override
        public void run() {
            try {
                ready.await();
                long last = measureFrom;
                for (long seq = 0; failure.get() == null; seq++) {
                    long t0 = System.nanoTime();
                    if (t0 >= deadline) {
                        break;
                    }
                    operate(seq);
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        latencies.record(t1 - t0);
                        last = t1;
                    }
                }
                lastEnd = last;
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                lastEnd = System.nanoTime();
            }
        }

        private void operate(long seq) throws Exception {
            switch (cell.op()) {
                case PUT -> {
                    String key = Keys.putKey(cell, index, seq);
                    Payload p = payloads.payload(cell.size(), (int) (seq + index));
                    if (multipart) {
                        client.putMultipart(key, p, settings.partSize());
                    } else {
                        client.put(key, p);
                    }
                }
                case GET -> {
                    int i = Keys.getIndex(cell.size(), index, seq);
                    boolean verify = (seq + index) % settings.verifyEvery() == 0;
                    client.get(Keys.getKey(cell.size(), i), payloads.payload(cell.size(), Keys.getPayloadIndex(i)),
                            verify);
                }
            }
        }
    }
}
