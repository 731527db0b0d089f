package dev.s3aas.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code s3aas policy create|list|get|update|delete} (IAM policy documents of an instance) and
 * {@code s3aas policy attach|detach|attached} (a user's policies, {@code …/users/{user}/policies}).
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "IAM policies of an instance, and attaching them to users.")
public final class PolicyCommands {
    static final List<Printer.Column> COLUMNS = List.of(
            Printer.Column.of("NAME", "name"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("UPDATED", "updated_at"),
            Printer.Column.of("ID", "id"));
    static final List<Printer.Column> ATTACHMENT_COLUMNS = List.of(
            Printer.Column.of("USER", "user"),
            Printer.Column.of("POLICY_ID", "policy_id"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("CREATED", "created_at"));

    private final Cli cli;

    PolicyCommands(Cli cli) {
        this.cli = cli;
    }

    /** Where the policy document comes from: exactly one of a file ("-" = stdin) or inline JSON. */
    static final class Document {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Policy document file (- for stdin).")
        String file;

        @Option(names = "--document", paramLabel = "JSON", description = "The policy document inline.")
        String inline;
    }

    @Command(name = "create", description = "Create a policy (validated by the API).")
    int create(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "NAME") String name,
            @ArgGroup(multiplicity = "1") Document doc) {
        ObjectNode body = Fields.object().put("name", name).set("content", read(doc));
        o.printer().object(o.client().post(ApiPaths.in(in.instance, "policies"), body));
        return 0;
    }

    @Command(name = "list", description = "List the policies of an instance.")
    int list(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin ListOptions l) {
        Map<String, String> q = l.name == null ? Map.of() : Map.of("name", l.name);
        l.print(o, o.client().list(ApiPaths.in(in.instance, "policies"), q, l.limit, l.marker), COLUMNS);
        return 0;
    }

    @Command(name = "get", description = "Show a policy and its document.")
    int get(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "POLICY") String name) {
        o.printer().object(o.client().get(ApiPaths.in(in.instance, "policies", name)));
        return 0;
    }

    @Command(name = "update", description = "Rename a policy or replace its document.")
    int update(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "POLICY") String name,
            @Option(names = "--new-name", paramLabel = "NAME") String newName,
            @ArgGroup(multiplicity = "0..1") Document doc) {
        ObjectNode body = Fields.object();
        Fields.put(body, "name", newName);
        if (doc != null) {
            body.set("content", read(doc));
        }
        o.printer().object(o.client().patch(ApiPaths.in(in.instance, "policies", name), Fields.nonEmpty(body)));
        return 0;
    }

    @Command(name = "delete", description = "Delete a policy that is not attached.")
    int delete(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "POLICY") String name) {
        o.client().delete(ApiPaths.in(in.instance, "policies", name));
        Deleted.report(o, "policy", name);
        return 0;
    }

    @Command(name = "attach", description = "Attach a policy to a user.")
    int attach(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "POLICY") String policy,
            @Option(names = {"-u", "--user"}, paramLabel = "USER", required = true) String user) {
        ObjectNode body = Fields.object().put("policy", policy);
        o.printer().object(o.client().post(ApiPaths.attachments(in.instance, user), body));
        return 0;
    }

    @Command(name = "detach", description = "Detach a policy from a user.")
    int detach(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "POLICY") String policy,
            @Option(names = {"-u", "--user"}, paramLabel = "USER", required = true) String user) {
        o.client().delete(ApiPaths.attachments(in.instance, user) + "/" + ApiClient.encode(policy));
        if (o.output == Output.TABLE) {
            cli.out().println("policy " + policy + " detached from " + user);
        }
        return 0;
    }

    @Command(name = "attached", description = "List the policies attached to a user.")
    int attached(@Mixin ClientOptions o, @Mixin InstanceRef in,
            @Option(names = {"-u", "--user"}, paramLabel = "USER", required = true) String user, @Mixin ListOptions l) {
        l.print(o, o.client().list(ApiPaths.attachments(in.instance, user), Map.of(), l.limit, l.marker),
                ATTACHMENT_COLUMNS);
        return 0;
    }

    /** The document as JSON, so a typo is reported here with its position rather than as the API's type error. */
    private JsonNode read(Document doc) {
        String text;
        String source;
        if (doc.inline != null) {
            text = doc.inline;
            source = "--document";
        } else if (doc.file.equals("-")) {
            text = readAll(cli.in());
            source = "stdin";
        } else {
            source = doc.file;
            try {
                text = Files.readString(Path.of(doc.file));
            } catch (IOException e) {
                throw new CliError.Local("cannot read " + doc.file + ": " + e.getMessage());
            }
        }
        try {
            return ApiClient.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CliError.Local("the policy document in " + source + " is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliError.Local("cannot read stdin: " + e.getMessage());
        }
    }
}
