package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3aas user create|list|get|update|delete}: the S3 IAM users of an instance. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "S3 IAM users of an instance (they get access keys and policies).")
public final class UserCommands {
    static final List<Printer.Column> COLUMNS = List.of(
            Printer.Column.of("NAME", "name"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("DESCRIPTION", "description"),
            Printer.Column.of("CREATED", "created_at"),
            Printer.Column.of("ID", "id"));

    @Command(name = "create", description = "Create a user.")
    int create(@Mixin ClientOptions o, @Mixin InstanceRef in,
            @Parameters(paramLabel = "NAME", description = "IAM user name (immutable).") String name,
            @Option(names = "--description", paramLabel = "TEXT") String description) {
        ObjectNode body = Fields.object().put("name", name);
        Fields.put(body, "description", description);
        o.printer().object(o.client().post(ApiPaths.in(in.instance, "users"), body));
        return 0;
    }

    @Command(name = "list", description = "List the users of an instance.")
    int list(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin ListOptions l) {
        Map<String, String> q = l.name == null ? Map.of() : Map.of("name", l.name);
        l.print(o, o.client().list(ApiPaths.in(in.instance, "users"), q, l.limit, l.marker), COLUMNS);
        return 0;
    }

    @Command(name = "get", description = "Show a user.")
    int get(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "USER") String name) {
        o.printer().object(o.client().get(ApiPaths.in(in.instance, "users", name)));
        return 0;
    }

    @Command(name = "update", description = "Change a user's description or status.")
    int update(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "USER") String name,
            @Option(names = "--description", paramLabel = "TEXT") String description,
            @Option(names = "--status", paramLabel = "ACTIVE|DISABLED",
                    description = "DISABLED turns off all its keys on the nodes.") String status) {
        ObjectNode body = Fields.object();
        Fields.put(body, "description", description);
        Fields.put(body, "status", status);
        o.printer().object(o.client().patch(ApiPaths.in(in.instance, "users", name), Fields.nonEmpty(body)));
        return 0;
    }

    @Command(name = "delete",
            description = "Delete a user with its access keys and policy attachments.")
    int delete(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "USER") String name) {
        o.client().delete(ApiPaths.in(in.instance, "users", name));
        Deleted.report(o, "user", name);
        return 0;
    }
}
