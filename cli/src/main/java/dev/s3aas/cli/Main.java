package dev.s3aas.cli;

import dev.s3aas.cli.client.AuditCommand;
import dev.s3aas.cli.client.BucketCommands;
import dev.s3aas.cli.client.Cli;
import dev.s3aas.cli.client.ClientFactory;
import dev.s3aas.cli.client.CompletionCommand;
import dev.s3aas.cli.client.ErrorHandler;
import dev.s3aas.cli.client.ExitCode;
import dev.s3aas.cli.client.InstanceCommands;
import dev.s3aas.cli.client.KeyCommands;
import dev.s3aas.cli.client.LoginCommand;
import dev.s3aas.cli.client.LogoutCommand;
import dev.s3aas.cli.client.PolicyCommands;
import dev.s3aas.cli.client.UserCommands;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code s3aas} command: the server and node processes, the benchmark, and the API client commands. */
@Command(name = "s3aas", mixinStandardHelpOptions = true, version = "s3aas 0.1.0",
        description = "S3 object storage as a service.",
        subcommands = {ServerCommand.class, NodeCommand.class, BenchCommand.class,
            LoginCommand.class, LogoutCommand.class, InstanceCommands.class, BucketCommands.class,
            UserCommands.class, PolicyCommands.class, KeyCommands.class, AuditCommand.class,
            CompletionCommand.class})
public final class Main implements Runnable {
    /** Commands that run a process rather than call the API: they keep picocli's plain exit codes. */
    private static final Set<String> PROCESSES = Set.of("server", "node", "bench");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine(Cli.system()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static CommandLine commandLine(Cli cli) {
        CommandLine cl = new CommandLine(new Main(), new ClientFactory(cli));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler(cli.err()));
        cl.setOut(new java.io.PrintWriter(cli.out(), true));
        cl.setErr(new java.io.PrintWriter(cli.err(), true));
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.valueOf(c.code()), c.description());
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes of the client commands:%n")
                .exitCodeList(codes);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!PROCESSES.contains(name)) {
                document(sub, codes);
            }
        });
        return cl;
    }

    private static void document(CommandLine cmd, Map<String, String> codes) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cmd.getSubcommands().values().forEach(sub -> document(sub, codes));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
