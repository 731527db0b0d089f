package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * The mutable fields of an instance (a picocli mixin shared by {@code create} and {@code update}). A field the
 * user did not give is left out of the request, so a PATCH changes only what was named.
 */
final class InstanceSettings {
    @Option(names = "--description", description = "Free text.")
    String description;

    @Option(names = "--encryption", paramLabel = "none|aes256", description = "SSE-S3 default encryption on every "
            + "bucket: none or aes256.")
    String encryption;

    @Option(names = "--versioning", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Versioning of the default bucket and default for new buckets.")
    Boolean versioning;

    @Option(names = "--mfa-delete", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Require MFA to delete object versions (on buckets with versioning).")
    Boolean mfaDelete;

    @Option(names = "--cpu", description = "CPUs per node (default 1).")
    Integer cpu;

    @Option(names = "--ram", paramLabel = "MiB", description = "MiB per node (default 1024).")
    Integer ram;

    @Option(names = "--disk-size", paramLabel = "GiB", description = "GiB per node, grow only (default 10).")
    Integer diskSize;

    @Option(names = "--nodes-number", paramLabel = "N", description = "Nodes (the embedded engine takes 1).")
    Integer nodesNumber;

    ObjectNode addTo(ObjectNode body) {
        Fields.put(body, "description", description);
        Fields.put(body, "encryption", encryption);
        Fields.put(body, "versioning", versioning);
        Fields.put(body, "mfa_delete", mfaDelete);
        Fields.put(body, "cpu", cpu);
        Fields.put(body, "ram", ram);
        Fields.put(body, "disk_size", diskSize);
        Fields.put(body, "nodes_number", nodesNumber);
        return body;
    }
}
