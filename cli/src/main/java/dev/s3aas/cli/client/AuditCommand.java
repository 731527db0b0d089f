package dev.s3aas.cli.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code s3aas audit}: {@code GET /v1/audit?since=&actor=&instance=}, the control plane's record of API calls.
 * A paginated list like the others (a JSON array, {@code X-Next-Marker}); items carry time, request_id, actor,
 * token_id, action, method, path, project, instance, client, status, duration_ms and error.
 */
@Command(name = "audit",
        description = "Show the audit log of API calls (owners: their projects; admins: all).")
public final class AuditCommand implements Callable<Integer> {
    static final List<Printer.Column> COLUMNS = List.of(
            Printer.Column.of("TIME", "time"),
            Printer.Column.of("ACTOR", "actor"),
            Printer.Column.of("ACTION", "action"),
            Printer.Column.of("METHOD", "method"),
            Printer.Column.of("PATH", "path"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("MS", "duration_ms"),
            Printer.Column.of("INSTANCE", "instance"),
            Printer.Column.of("REQUEST_ID", "request_id"),
            Printer.Column.of("ERROR", "error"));

    private final Cli cli;

    @Mixin
    ClientOptions o;

    @Option(names = "--since", paramLabel = "TIME|DURATION",
            description = "Only calls since this ISO-8601 time (2025-01-31T12:00:00Z) or this long ago (1h, 30m, 2d).")
    String since;

    @Option(names = "--actor", paramLabel = "USER", description = "Only calls by this user.")
    String actor;

    @Option(names = "--instance", paramLabel = "INSTANCE", description = "Only calls on this instance.")
    String instance;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default: all).")
    Integer limit;

    @Option(names = "--marker", paramLabel = "ID", description = "Continue after this entry.")
    String marker;

    AuditCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("since", since == null ? null : sinceInstant().toString());
        q.put("actor", actor);
        q.put("instance", instance);
        ApiClient.Listing l = o.client().list(ApiPaths.AUDIT, q, limit, marker);
        o.printer().list(l.items(), COLUMNS);
        if (l.nextMarker() != null) {
            cli.err().println("more: continue with --marker " + l.nextMarker());
        }
        return 0;
    }

    /** An instant as given, or now minus a duration: the API takes an instant. */
    private Instant sinceInstant() {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return cli.clock().instant().minus(DurationConverter.parse(since));
            } catch (TypeConversionException e) {
                throw new CliError.Usage("--since: not an ISO-8601 time or a duration (1h, 30m, 2d, PT1H): " + since);
            }
        }
    }
}
