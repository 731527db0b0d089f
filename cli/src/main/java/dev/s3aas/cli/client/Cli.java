package dev.s3aas.cli.client;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What the client commands take from the process: the clock, the environment, the standard streams and the
 * console (null when not interactive). Injected through {@link ClientFactory}, so nothing reads them globally.
 */
public record Cli(Clock clock, Map<String, String> env, PrintStream out, PrintStream err, InputStream in,
        Console console) {
    public static Cli system() {
        return new Cli(Clock.systemUTC(), System.getenv(), System.out, System.err, System.in, System.console());
    }

    /** "→" where stderr can show it, "->" elsewhere (a POSIX locale would print "?"). */
    String arrow() {
        return err.charset().newEncoder().canEncode('→') ? " → " : " -> ";
    }
}
