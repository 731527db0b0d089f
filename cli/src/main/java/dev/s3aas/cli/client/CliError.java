package dev.s3aas.cli.client;

/**
 * Everything a client command can fail with, translated once into a line on stderr and an exit code by
 * {@link ErrorHandler}. Never carries a secret: messages are the API's own or name files and URLs only.
 */
public abstract sealed class CliError extends RuntimeException {
    private CliError(String message) {
        super(message, null, false, false);
    }

    /** The exit code this error ends the command with. */
    public ExitCode exitCode() {
        return switch (this) {
            case Api e -> e.status >= 500 ? ExitCode.SERVER_ERROR
                    : e.status == 401 ? ExitCode.UNAUTHENTICATED : ExitCode.CLIENT_ERROR;
            case NotLoggedIn e -> ExitCode.UNAUTHENTICATED;
            case Unreachable e -> ExitCode.SERVER_ERROR;
            case WaitFailed e -> ExitCode.WAIT_FAILED;
            case Local e -> ExitCode.CLIENT_ERROR;
            case Usage e -> ExitCode.USAGE;
        };
    }

    /** The line printed on stderr after "error: ". */
    public String describe() {
        return getMessage();
    }

    /** The API answered with an error body {@code {code, message, field?}} (or something unparseable). */
    public static final class Api extends CliError {
        private final int status;
        private final String code;
        private final String field;

        public Api(int status, String code, String message, String field) {
            super(message);
            this.status = status;
            this.code = code;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }

        @Override
        public String describe() {
            return field == null ? getMessage() : getMessage() + " (field: " + field + ")";
        }
    }

    /** No session for this endpoint, or its refresh token was refused. */
    public static final class NotLoggedIn extends CliError {
        public NotLoggedIn(String message) {
            super(message);
        }
    }

    /** The control plane could not be reached (connection refused, timeout, TLS failure). */
    public static final class Unreachable extends CliError {
        public Unreachable(String message) {
            super(message);
        }
    }

    /** {@code --wait} saw ERROR, or its timeout passed. */
    public static final class WaitFailed extends CliError {
        public WaitFailed(String message) {
            super(message);
        }
    }

    /** A local problem: an unreadable file, a config dir we cannot write. */
    public static final class Local extends CliError {
        public Local(String message) {
            super(message);
        }
    }

    /** Input picocli could not check (e.g. no password source when not interactive). */
    public static final class Usage extends CliError {
        public Usage(String message) {
            super(message);
        }
    }
}
