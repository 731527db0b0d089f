package dev.s3aas.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code s3aas login}: the password grant, keeping the token pair (never the password) in the session file.
 * The password is read from stdin ({@code --password-stdin}), {@code S3AAS_PASSWORD}, or a prompt without
 * echo; there is deliberately no {@code --password} option, because arguments are visible to every user in
 * {@code ps}.
 */
@Command(name = "login",
        description = "Log in to a control plane and keep the session in the config dir.",
        footer = {"", "The session (endpoint, access and refresh token, expiry; never the password) is stored in",
            "$S3AAS_CONFIG_DIR, else $XDG_CONFIG_HOME/s3aas, else ~/.config/s3aas (mode 0600). The access token",
            "is refreshed automatically with the refresh token."})
public final class LoginCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    ClientOptions o;

    @Option(names = {"-u", "--username"}, description = "Login name (env S3AAS_USERNAME; default: prompt).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
    boolean passwordStdin;

    @Option(names = "--project", description = "Scope the session to this project (name or uuid).")
    String project;

    LoginCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        String user = username();
        char[] password = password();
        try {
            Session s = o.client().login(user, password, project);
            if (o.output == Output.TABLE) {
                cli.out().println("logged in to " + s.endpoint() + " as " + user
                        + (project == null ? "" : " (project " + project + ")"));
            } else {
                o.printer().object(Fields.object().put("endpoint", s.endpoint()).put("username", user)
                        .put("project_id", project).put("expires_at", s.expiresAt().toString()));
            }
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private String username() {
        if (username != null) {
            return username;
        }
        String env = cli.env().get("S3AAS_USERNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (cli.console() != null) {
            String typed = cli.console().readLine("Username: ");
            if (typed != null && !typed.isBlank()) {
                return typed.trim();
            }
        }
        throw new CliError.Usage("no username: pass --username or set S3AAS_USERNAME");
    }

    private char[] password() {
        if (passwordStdin) {
            try {
                // Not closed: closing would close the process's stdin, which we do not own.
                String line = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliError.Usage("--password-stdin: stdin is empty");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new CliError.Local("cannot read the password from stdin: " + e.getMessage());
            }
        }
        String env = cli.env().get("S3AAS_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (cli.console() != null) {
            char[] typed = cli.console().readPassword("Password: ");
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new CliError.Usage("no password: use --password-stdin or S3AAS_PASSWORD (or run interactively)");
    }
}
