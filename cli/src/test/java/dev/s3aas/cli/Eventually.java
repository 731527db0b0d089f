package dev.s3aas.cli;

import java.time.Duration;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Waiting for the reconciler in end-to-end tests: poll a REST resource, or retry an S3 check, up to a limit. */
final class Eventually {
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private Eventually() {}

    /** Polls {@code GET path} until {@code done}; fails with the last answer after {@code limit}. */
    static ServerProcess.Resp poll(ServerProcess server, String token, String path, Predicate<ServerProcess.Resp> done,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        ServerProcess.Resp r;
        do {
            r = server.get(path, token);
            if (done.test(r)) {
                return r;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " did not converge: " + r);
    }

    /** Retries {@code check} while it fails an assertion or an S3 call, until {@code limit}. */
    static void holds(Duration limit, ThrowingRunnable check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | S3Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
