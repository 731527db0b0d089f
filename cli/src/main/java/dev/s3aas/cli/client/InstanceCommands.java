package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3aas instance create|list|get|prometheus|update|delete}: {@code /v1/types/s3/instances}. */
@Command(name = "instance", mixinStandardHelpOptions = true,
        description = "S3 instances (their nodes run the S3 API).")
public final class InstanceCommands {
    static final List<Printer.Column> COLUMNS = List.of(
            Printer.Column.of("NAME", "name"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("ENDPOINT", "endpoint"),
            Printer.Column.of("VERSION", "version"),
            Printer.Column.of("CLUSTER", "cluster"),
            new Printer.Column("NODES", n -> String.valueOf(n.path("nodes").size())),
            Printer.Column.of("ID", "id"));

    private final Cli cli;

    InstanceCommands(Cli cli) {
        this.cli = cli;
    }

    @Command(name = "create",
            description = "Create an instance; it is provisioned in the background (--wait follows it to ACTIVE).")
    int create(@Mixin ClientOptions o,
            @Option(names = "--name", paramLabel = "NAME", required = true,
                    description = "Unique in the project.") String name,
            @Option(names = "--version", paramLabel = "VERSION",
                    description = "Version name (e.g. 0.0.1) or uuid (default: the newest).") String version,
            @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Registered cluster (name or uuid) to "
                    + "run on; default: the embedded engine (one local node).") String cluster,
            @Option(names = "--bucket-name", paramLabel = "BUCKET",
                    description = "A default bucket created with the instance.") String bucketName,
            @Mixin InstanceSettings settings,
            @Mixin WaitOptions w) {
        ObjectNode body = Fields.object().put("name", name);
        Fields.put(body, "version", version);
        Fields.put(body, "cluster", cluster);
        Fields.put(body, "bucket_name", bucketName);
        settings.addTo(body);
        ApiClient api = o.client();
        JsonNode created = api.post(ApiPaths.INSTANCES, body);
        o.printer().object(w.wait ? new Waiter(api, cli).untilActive(name, created, w.timeout) : created);
        return 0;
    }

    @Command(name = "list", description = "List instances.")
    int list(@Mixin ClientOptions o, @Mixin ListOptions l,
            @Option(names = "--status", paramLabel = "STATUS",
                    description = "Only instances with this status.") String status) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("name", l.name);
        q.put("status", status);
        l.print(o, o.client().list(ApiPaths.INSTANCES, q, l.limit, l.marker), COLUMNS);
        return 0;
    }

    @Command(name = "get", description = "Show an instance.")
    int get(@Mixin ClientOptions o, @Parameters(paramLabel = "INSTANCE", description = "Name or uuid.") String id) {
        o.printer().object(o.client().get(ApiPaths.instance(id)));
        return 0;
    }

    @Command(name = "prometheus", description = {"Print a Prometheus scrape job for the instance's nodes, with a "
            + "freshly minted bearer token valid for a year (append it to scrape_configs).",
        "-o json|yaml prints the targets, token and expiry instead."})
    int prometheus(@Mixin ClientOptions o,
            @Parameters(paramLabel = "INSTANCE", description = "Name or uuid.") String id) {
        JsonNode scrape = o.client().get(ApiPaths.instance(id) + "/prometheus");
        if (o.output == Output.TABLE) {
            cli.out().print(scrape.path("scrape_config").asText());
            cli.err().println("the token in it is a credential for the nodes' metrics: keep the file private");
        } else {
            o.printer().object(scrape);
        }
        return 0;
    }

    @Command(name = "update",
            description = "Change the mutable fields of an instance (only those given).")
    int update(@Mixin ClientOptions o, @Parameters(paramLabel = "INSTANCE", description = "Name or uuid.") String id,
            @Option(names = "--new-name", paramLabel = "NAME", description = "Rename the instance.") String newName,
            @Mixin InstanceSettings settings,
            @Mixin WaitOptions w) {
        ObjectNode body = settings.addTo(Fields.object());
        Fields.put(body, "name", newName);
        ApiClient api = o.client();
        JsonNode updated = api.patch(ApiPaths.instance(id), Fields.nonEmpty(body));
        String now = updated.path("name").asText(id);
        o.printer().object(w.wait ? new Waiter(api, cli).untilActive(now, updated, w.timeout) : updated);
        return 0;
    }

    @Command(name = "delete",
            description = "Delete an instance, its nodes and their data (in the background; --wait until gone).")
    int delete(@Mixin ClientOptions o, @Parameters(paramLabel = "INSTANCE", description = "Name or uuid.") String id,
            @Mixin WaitOptions w) {
        ApiClient api = o.client();
        JsonNode deleting = api.delete(ApiPaths.instance(id)).body();
        if (w.wait) {
            new Waiter(api, cli).untilGone(id, deleting, w.timeout);
        } else if (o.output != Output.TABLE) {
            o.printer().object(deleting);
        } else {
            cli.out().println("instance " + id + ": " + deleting.path("status").asText());
        }
        return 0;
    }
}
