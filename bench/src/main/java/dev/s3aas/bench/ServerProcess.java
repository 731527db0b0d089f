package dev.s3aas.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM, so that its CPU time and peak RSS are its own. Output goes to a log file
 * (never a pipe the benchmark would have to drain). Closing sends SIGTERM, then kills after a grace period.
 */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServerProcess(name, pb.start(), log);
    }

    /** The java binary running this benchmark: servers run on the same JDK. */
    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the server to write its port to {@code portFile}. */
    int awaitPortFile(Path portFile, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(portFile)) {
            checkAlive(deadline);
            Thread.sleep(20);
        }
        return Integer.parseInt(Files.readString(portFile).trim());
    }

    /** Waits until the server accepts TCP connections on {@code port}. */
    void awaitListening(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            checkAlive(deadline);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
    }

    private void checkAlive(long deadline) throws IOException {
        if (!process.isAlive()) {
            throw new IOException(name + " exited with status " + process.exitValue() + " before listening; see "
                    + log + ":\n" + tail());
        }
        if (System.nanoTime() > deadline) {
            process.destroyForcibly();
            throw new IOException(name + " did not start in time; see " + log + ":\n" + tail());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last lines of the log, for error messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
