package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3aas key create|list|get|update|delete}: a user's S3 access keys. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "S3 access keys of an instance's users.")
public final class KeyCommands {
    static final List<Printer.Column> COLUMNS = List.of(
            Printer.Column.of("ACCESS_KEY", "access_key"),
            Printer.Column.of("USER", "user"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("EXPIRES", "expires_at"),
            Printer.Column.of("DESCRIPTION", "description"),
            Printer.Column.of("CREATED", "created_at"));
    static final List<Printer.Column> CREATED_COLUMNS = List.of(
            Printer.Column.of("ACCESS_KEY", "access_key"),
            Printer.Column.of("SECRET_KEY", "secret_key"),
            Printer.Column.of("USER", "user"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("EXPIRES", "expires_at"));

    private final Cli cli;

    KeyCommands(Cli cli) {
        this.cli = cli;
    }

    /** The user whose keys these are. */
    static final class UserRef {
        @Option(names = {"-u", "--user"}, paramLabel = "USER", required = true,
                description = "The user (name or uuid).")
        String user;
    }

    @Command(name = "create",
            description = "Create an access key; its secret is printed this once and never again.")
    int create(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin UserRef u,
            @Option(names = "--description", paramLabel = "TEXT") String description,
            @Option(names = "--expires-at", paramLabel = "ISO-8601",
                    description = "Expiry, e.g. 2030-01-01T00:00:00Z.") String expiresAt) {
        ObjectNode body = Fields.object();
        Fields.put(body, "description", description);
        Fields.put(body, "expires_at", expiresAt);
        JsonNode key = o.client().post(ApiPaths.keys(in.instance, u.user), body);
        if (o.output == Output.TABLE) {
            // A table, so the pair can be read off at a glance; the note on stderr stays out of a redirect.
            o.printer().list(List.of(key), CREATED_COLUMNS);
            cli.err().println("note: the secret key is shown only once; store it now (it cannot be read again).");
        } else {
            o.printer().object(key);
        }
        return 0;
    }

    @Command(name = "list", description = "List a user's access keys (no secrets).")
    int list(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin UserRef u, @Mixin ListOptions l) {
        l.print(o, o.client().list(ApiPaths.keys(in.instance, u.user), Map.of(), l.limit, l.marker), COLUMNS);
        return 0;
    }

    @Command(name = "get", description = "Show an access key (without its secret).")
    int get(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin UserRef u,
            @Parameters(paramLabel = "ACCESS_KEY") String key) {
        o.printer().object(o.client().get(ApiPaths.keys(in.instance, u.user) + "/" + ApiClient.encode(key)));
        return 0;
    }

    @Command(name = "update", description = "Change status, description or expiry.")
    int update(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin UserRef u,
            @Parameters(paramLabel = "ACCESS_KEY") String key,
            @Option(names = "--status", paramLabel = "ACTIVE|INACTIVE") String status,
            @Option(names = "--description", paramLabel = "TEXT") String description,
            @Option(names = "--expires-at", paramLabel = "ISO-8601") String expiresAt) {
        ObjectNode body = Fields.object();
        Fields.put(body, "status", status);
        Fields.put(body, "description", description);
        Fields.put(body, "expires_at", expiresAt);
        o.printer().object(o.client().patch(ApiPaths.keys(in.instance, u.user) + "/" + ApiClient.encode(key),
                Fields.nonEmpty(body)));
        return 0;
    }

    @Command(name = "delete", description = "Delete an access key.")
    int delete(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin UserRef u,
            @Parameters(paramLabel = "ACCESS_KEY") String key) {
        o.client().delete(ApiPaths.keys(in.instance, u.user) + "/" + ApiClient.encode(key));
        Deleted.report(o, "access key", key);
        return 0;
    }
}
