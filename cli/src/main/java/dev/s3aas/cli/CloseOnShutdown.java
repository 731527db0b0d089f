package dev.s3aas.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a foreground service until the JVM is asked to stop (SIGTERM, SIGINT), and closes it in the
 * shutdown hook itself: the JVM waits for its shutdown hooks but not for the main thread, so a
 * close left to the main thread once a hook had woken it would be cut short.
 */
final class CloseOnShutdown {
    private final CountDownLatch closed = new CountDownLatch(1);

    private CloseOnShutdown() {}

    /** Registers the hook that closes {@code service} and then prints "{@code name} stopped". */
    static CloseOnShutdown register(AutoCloseable service, String name, PrintStream out) throws Exception {
        CloseOnShutdown c = new CloseOnShutdown();
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> c.close(service, name, out), "s3aas-shutdown"));
        } catch (IllegalStateException e) {
            service.close(); // already shutting down: no hook will run
            throw e;
        }
        return c;
    }

    private void close(AutoCloseable service, String name, PrintStream out) {
        try {
            service.close();
            out.println(name + " stopped");
        } catch (Exception e) {
            out.println(name + " did not stop cleanly: " + e);
            e.printStackTrace(out);
        } finally {
            out.flush();
            closed.countDown();
        }
    }

    /** Blocks until the service has been closed by the shutdown hook. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }
}
