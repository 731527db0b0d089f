package dev.s3aas.cli.client;

/**
 * The exit codes of the client commands, so scripts can tell "fix your input" from "log in again" from "try
 * again later". Listed in every client command's help and in the README.
 */
public enum ExitCode {
    OK(0, "success"),
    CLIENT_ERROR(1, "the API refused the request (4xx: invalid input, not found, conflict, forbidden)"),
    USAGE(2, "usage error (unknown command or option, missing argument)"),
    UNAUTHENTICATED(3, "not logged in, or the session expired: run s3aas login"),
    SERVER_ERROR(4, "server error (5xx) or the control plane is unreachable"),
    WAIT_FAILED(5, "--wait ended in ERROR (the reason is printed) or timed out");

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
