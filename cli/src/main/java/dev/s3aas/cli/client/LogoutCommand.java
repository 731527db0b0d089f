package dev.s3aas.cli.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code s3aas logout}: forgets the stored session. The API has no revocation endpoint for one session, so the
 * refresh token stays valid on the server until it expires (30 days) or the user's password or status changes;
 * removing the only copy of it is what logging out can do.
 */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the stored session.")
public final class LogoutCommand implements Callable<Integer> {
    private final Cli cli;

    LogoutCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        boolean had = SessionStore.fromEnvironment(cli.env()).delete();
        cli.out().println(had ? "logged out" : "not logged in");
        return 0;
    }
}
