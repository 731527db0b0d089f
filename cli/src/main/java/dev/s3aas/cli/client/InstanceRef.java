package dev.s3aas.cli.client;

import picocli.CommandLine.Option;

/** {@code -i/--instance}: the instance a bucket, user, policy or key belongs to (a picocli mixin). */
final class InstanceRef {
    @Option(names = {"-i", "--instance"}, required = true, paramLabel = "INSTANCE",
            description = "The instance (name or uuid).")
    String instance;
}
