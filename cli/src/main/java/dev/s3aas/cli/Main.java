package dev.s3aas.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code s3aas} command. */
@Command(name = "s3aas", mixinStandardHelpOptions = true, version = "s3aas 0.1.0",
        description = "S3 object storage as a service.",
        subcommands = {ServerCommand.class, NodeCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
