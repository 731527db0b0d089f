package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code s3aas bucket create|list|get|update|delete}: {@code …/instances/{instance}/buckets}. */
@Command(name = "bucket", mixinStandardHelpOptions = true, description = "Buckets of an instance.")
public final class BucketCommands {
    static final List<Printer.Column> COLUMNS = List.of(
            Printer.Column.of("NAME", "name"),
            Printer.Column.of("STATUS", "status"),
            Printer.Column.of("VERSIONING", "versioning_enabled"),
            Printer.Column.of("OBJECT_LOCK", "object_lock_enabled"),
            Printer.Column.of("PUBLIC", "public"),
            Printer.Column.of("QUOTA_BYTES", "quota_bytes"),
            Printer.Column.of("ID", "id"));

    /** Bucket settings that can change after creation. */
    static final class Settings {
        @Option(names = "--versioning", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Object versioning (default: the instance's).")
        Boolean versioning;

        @Option(names = "--quota-bytes", paramLabel = "BYTES", description = "Hard quota in bytes, 0 = none.")
        Long quotaBytes;

        @Option(names = "--public", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Anonymous read (s3:GetObject) for everyone.")
        Boolean publicRead;

        @Option(names = "--retention-mode", paramLabel = "GOVERNANCE|COMPLIANCE",
                description = "Default retention mode (needs object lock).")
        String retentionMode;

        @Option(names = "--retention-days", paramLabel = "DAYS", description = "Default retention in days.")
        Integer retentionDays;

        ObjectNode addTo(ObjectNode body) {
            Fields.put(body, "versioning_enabled", versioning);
            Fields.put(body, "quota_bytes", quotaBytes);
            Fields.put(body, "public", publicRead);
            Fields.put(body, "default_retention_mode", retentionMode);
            Fields.put(body, "default_retention_days", retentionDays);
            return body;
        }
    }

    @Command(name = "create", description = "Create a bucket.")
    int create(@Mixin ClientOptions o, @Mixin InstanceRef in,
            @Parameters(paramLabel = "NAME", description = "S3 bucket name (immutable).") String name,
            @Option(names = "--object-lock", description = "Enable Object Lock (only at creation).") Boolean objectLock,
            @Mixin Settings settings) {
        ObjectNode body = settings.addTo(Fields.object().put("name", name));
        Fields.put(body, "object_lock_enabled", objectLock);
        o.printer().object(o.client().post(ApiPaths.in(in.instance, "buckets"), body));
        return 0;
    }

    @Command(name = "list", description = "List the buckets of an instance.")
    int list(@Mixin ClientOptions o, @Mixin InstanceRef in, @Mixin ListOptions l) {
        l.print(o, o.client().list(ApiPaths.in(in.instance, "buckets"), Map.of(), l.limit, l.marker), COLUMNS);
        return 0;
    }

    @Command(name = "get", description = "Show a bucket.")
    int get(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "BUCKET") String name) {
        o.printer().object(o.client().get(ApiPaths.in(in.instance, "buckets", name)));
        return 0;
    }

    @Command(name = "update", description = "Change bucket settings (only those given).")
    int update(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "BUCKET") String name,
            @Mixin Settings settings) {
        ObjectNode body = Fields.nonEmpty(settings.addTo(Fields.object()));
        o.printer().object(o.client().patch(ApiPaths.in(in.instance, "buckets", name), body));
        return 0;
    }

    @Command(name = "delete", description = "Delete an empty bucket.")
    int delete(@Mixin ClientOptions o, @Mixin InstanceRef in, @Parameters(paramLabel = "BUCKET") String name) {
        o.client().delete(ApiPaths.in(in.instance, "buckets", name));
        Deleted.report(o, "bucket", name);
        return 0;
    }
}
