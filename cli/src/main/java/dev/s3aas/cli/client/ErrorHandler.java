package dev.s3aas.cli.client;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place client errors become output: {@code error: <message> (field: <field>)} on stderr and the
 * {@link ExitCode} of the error. Anything else is a bug (or a server/node command failing) and keeps picocli's
 * default: the stack trace and exit code 1.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    private final PrintStream err;

    public ErrorHandler(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof CliError e) {
            err.println("error: " + e.describe());
            err.flush();
            return e.exitCode().code();
        }
        ex.printStackTrace(err);
        return cmd.getExitCodeExceptionMapper() != null ? cmd.getExitCodeExceptionMapper().getExitCode(ex)
                : cmd.getCommandSpec().exitCodeOnExecutionException();
    }
}
