package dev.s3aas.cli.client;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout D]} of the instance commands (a picocli mixin). */
final class WaitOptions {
    @Option(names = "--wait", description = "Show the status until the change is applied (ACTIVE) or fails (ERROR, "
            + "exit code 5, with the reason).")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long --wait waits, e.g. 90s, 10m, PT1H (default: 10m; exit code 5 when it passes).")
    Duration timeout = Duration.ofMinutes(10);
}
