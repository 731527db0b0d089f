package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code --wait}: polls an instance until the reconciler has applied it (ACTIVE with {@code observed_generation}
 * caught up with {@code generation}), it reports ERROR, or it is gone (after a delete). Status changes are shown
 * on stderr as they happen ("PENDING → CREATING → ACTIVE"), so stdout keeps only the result.
 */
final class Waiter {
    static final Duration POLL = Duration.ofMillis(500);

    private final ApiClient api;
    private final Clock clock;
    private final PrintStream err;
    private final String arrow;

    Waiter(ApiClient api, Cli cli) {
        this.api = api;
        this.clock = cli.clock();
        this.err = cli.err();
        this.arrow = cli.arrow();
    }

    /** Returns the instance once ACTIVE and applied; throws {@link CliError.WaitFailed} on ERROR or timeout. */
    JsonNode untilActive(String name, JsonNode first, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Progress p = new Progress(name, first.path("status").asText());
        JsonNode cur = first;
        while (true) {
            String status = cur.path("status").asText();
            p.show(status);
            boolean applied = cur.path("observed_generation").asLong() >= cur.path("generation").asLong();
            if (status.equals("ACTIVE") && applied) {
                p.end();
                return cur;
            }
            if (status.equals("ERROR")) {
                p.end();
                throw new CliError.WaitFailed("instance " + name + " is ERROR: "
                        + cur.path("status_reason").asText("(no reason given)"));
            }
            if (status.equals("DELETING")) {
                p.end();
                throw new CliError.WaitFailed("instance " + name + " is being deleted");
            }
            timeoutCheck(deadline, timeout, name, status, "ACTIVE", p);
            pause();
            cur = api.get(ApiPaths.instance(name));
        }
    }

    /** Returns once the instance answers 404. */
    void untilGone(String name, JsonNode first, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Progress p = new Progress(name, first.path("status").asText());
        while (true) {
            try {
                JsonNode cur = api.get(ApiPaths.instance(name));
                p.show(cur.path("status").asText());
            } catch (CliError.Api e) {
                if (e.status() != 404) {
                    throw e;
                }
                p.show("deleted");
                p.end();
                return;
            }
            timeoutCheck(deadline, timeout, name, p.last, "deleted", p);
            pause();
        }
    }

    private void timeoutCheck(Instant deadline, Duration timeout, String name, String status, String goal, Progress p) {
        if (!clock.instant().isBefore(deadline)) {
            p.end();
            throw new CliError.WaitFailed("timed out after " + timeout.toSeconds() + " s waiting for instance "
                    + name + " to be " + goal + " (status " + status + ")");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliError.WaitFailed("interrupted while waiting");
        }
    }

    /** One line on stderr, extended by each new status. */
    private final class Progress {
        private String last;

        Progress(String name, String status) {
            err.print("instance " + name + ": " + status);
            err.flush();
            last = status;
        }

        void show(String status) {
            if (!status.equals(last)) {
                err.print(arrow + status);
                err.flush();
                last = status;
            }
        }

        void end() {
            err.println();
            err.flush();
        }
    }
}
