package dev.s3aas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The soak: {@code --clients} (32) {@link SoakWorker}s against a node started here (or {@code --endpoint host:port}
 * with {@code --access-key}, {@code --secret-key}, {@code --pid}) for {@code --duration} (30m), reporting every
 * {@code --interval} (1m) ops/s, errors, p50/p99 and the node's RSS and open FDs, written to {@code --out} (CSV).
 * Exit 0 only if there were no errors and RSS and FDs stayed flat: the median of the last third of the windows
 * within 20% (RSS) and +50 (FDs) of the median of the first third after the first window (warm-up).
 */
public final class Soak {
    /** One reporting window. */
    record Window(long second, long ops, long errors, double p50Ms, double p99Ms, long rssKb, long fds) {}

    private static final int MAX_SAMPLES = 200_000;

    private Soak() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args) ? 0 : 1);
    }

    /** Runs a soak; true when the verdict passes. */
    static boolean run(String[] args) throws Exception {
        Duration duration = Duration.ofMinutes(30);
        Duration interval = Duration.ofMinutes(1);
        int clients = 32;
        Path out = Path.of("soak.csv");
        String endpoint = null;
        String access = Servers.ACCESS_KEY;
        String secret = Servers.SECRET_KEY;
        long pid = -1;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = Duration.parse("PT" + v.toUpperCase());
                case "--interval" -> interval = Duration.parse("PT" + v.toUpperCase());
                case "--clients" -> clients = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--endpoint" -> endpoint = v;
                case "--access-key" -> access = v;
                case "--secret-key" -> secret = v;
                case "--pid" -> pid = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Servers.Started started = null;
        Path work = null;
        Endpoint ep;
        if (endpoint == null) {
            work = Files.createTempDirectory("soak");
            started = Servers.startNode(work, List.of("-Xmx1g"));
            ep = started.server().endpoint();
            pid = started.server().pid();
        } else {
            String[] hp = endpoint.split(":");
            ep = new Endpoint(hp[0], Integer.parseInt(hp[1]), access, secret, "us-east-1");
        }
        try (S3Client s3 = SdkS3Client.newClient(ep, clients * 2)) {
            s3.createBucket(b -> b.bucket("soak"));
            return soak(s3, clients, duration, interval, pid, out);
        } finally {
            if (started != null) {
                started.process().close();
                // What the run left: the data set must stay bounded (SoakWorker keeps 50 live keys each).
                System.out.printf("[soak] node data %d MiB, node log %d KiB; deleting %s%n",
                        sizeOf(work.resolve("node-data")) >> 20, sizeOf(work.resolve("node.log")) >> 10, work);
                Servers.deleteTree(work);
            }
        }
    }

    private static long sizeOf(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (var files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static boolean soak(S3Client s3, int clients, Duration duration, Duration interval, long pid, Path out)
            throws Exception {
        byte[] pool = new byte[16 << 20];
        new java.util.Random(1).nextBytes(pool);
        long[] samples = new long[MAX_SAMPLES];
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool2 = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool2.submit(new SoakWorker(s3, "soak", c, pool, (nanos, err) -> {
                long i = count.getAndIncrement();
                synchronized (samples) {
                    samples[(int) (i % MAX_SAMPLES)] = nanos;
                }
                if (err != null) {
                    errors.incrementAndGet();
                    System.out.println("[soak] error: " + err);
                }
            }, () -> System.nanoTime() < end));
        }
        List<Window> windows = new ArrayList<>();
        long start = System.nanoTime();
        StringBuilder csv = new StringBuilder("second,ops,ops_per_s,errors,p50_ms,p99_ms,rss_kb,fds\n");
        long seenCount = 0;
        long seenErrors = 0;
        long lastT = start;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(interval.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long now = count.get();
            long[] w;
            synchronized (samples) {
                int n = (int) Math.min(now - seenCount, MAX_SAMPLES);
                w = new long[n];
                for (int i = 0; i < n; i++) {
                    w[i] = samples[(int) ((seenCount + i) % MAX_SAMPLES)];
                }
            }
            Arrays.sort(w);
            long errs = errors.get();
            Window win = new Window((System.nanoTime() - start) / 1_000_000_000, now - seenCount, errs - seenErrors,
                    pct(w, 0.50), pct(w, 0.99), rssKb(pid), fds(pid));
            seenCount = now;
            seenErrors = errs;
            windows.add(win);
            long t = System.nanoTime();
            double secs = (t - lastT) / 1e9;
            lastT = t;
            String line = String.format("%d,%d,%.1f,%d,%.1f,%.1f,%d,%d", win.second(), win.ops(), win.ops() / secs,
                    win.errors(), win.p50Ms(), win.p99Ms(), win.rssKb(), win.fds());
            csv.append(line).append('\n');
            System.out.println("[soak] " + line);
            Files.writeString(out, csv);
        }
        pool2.shutdown();
        pool2.awaitTermination(5, TimeUnit.MINUTES);
        return verdict(windows, errors.get());
    }

    static boolean verdict(List<Window> windows, long errors) {
        List<Window> w = windows.size() > 3 ? windows.subList(1, windows.size()) : windows;
        int third = Math.max(1, w.size() / 3);
        long rssFirst = median(w.subList(0, third).stream().mapToLong(Window::rssKb).toArray());
        long rssLast = median(w.subList(w.size() - third, w.size()).stream().mapToLong(Window::rssKb).toArray());
        long fdFirst = median(w.subList(0, third).stream().mapToLong(Window::fds).toArray());
        long fdLast = median(w.subList(w.size() - third, w.size()).stream().mapToLong(Window::fds).toArray());
        boolean rssFlat = rssLast <= rssFirst * 1.2;
        boolean fdFlat = fdLast <= fdFirst + 50;
        long ops = windows.stream().mapToLong(Window::ops).sum();
        System.out.printf("[soak] summary: %d ops, %d errors; RSS first-third median %d kB, last %d kB (%s);"
                        + " FDs %d -> %d (%s); verdict %s%n", ops, errors, rssFirst, rssLast, rssFlat ? "flat" : "GROWING",
                fdFirst, fdLast, fdFlat ? "flat" : "GROWING", errors == 0 && rssFlat && fdFlat ? "PASS" : "FAIL");
        return errors == 0 && rssFlat && fdFlat && ops > 0;
    }

    private static long median(long[] v) {
        Arrays.sort(v);
        return v.length == 0 ? -1 : v[v.length / 2];
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long fds(long pid) {
        try (var s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
