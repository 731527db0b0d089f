package dev.s3aas.cli.client;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every client command takes (a picocli mixin): where the control plane is, whom to trust for its
 * TLS certificate, and the output format. Builds the {@link ApiClient} and the {@link Printer} from them.
 */
final class ClientOptions {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Cli cli;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Control plane URL (env S3AAS_ENDPOINT; default: "
            + "the endpoint of the last login, else " + DEFAULT_ENDPOINT + ").")
    String endpoint;

    @Option(names = "--ca-bundle", paramLabel = "FILE", description = "PEM file of the CA(s) to trust for an https "
            + "endpoint instead of the system's (env S3AAS_CA_BUNDLE).")
    Path caBundle;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", completionCandidates = Output.Names.class,
            description = "table, json or yaml (default: table).")
    Output output = Output.TABLE;

    ClientOptions(Cli cli) {
        this.cli = cli;
    }

    Cli cli() {
        return cli;
    }

    SessionStore sessions() {
        return SessionStore.fromEnvironment(cli.env());
    }

    /** --endpoint, else S3AAS_ENDPOINT, else the stored session's, else the default. */
    String endpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        String env = cli.env().get("S3AAS_ENDPOINT");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return sessions().load().map(Session::endpoint).orElse(DEFAULT_ENDPOINT);
    }

    ApiClient client() {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        Path ca = caBundle;
        if (ca == null && cli.env().get("S3AAS_CA_BUNDLE") != null && !cli.env().get("S3AAS_CA_BUNDLE").isBlank()) {
            ca = Path.of(cli.env().get("S3AAS_CA_BUNDLE"));
        }
        if (ca != null) {
            http.sslContext(CaBundle.load(ca));
        }
        return new ApiClient(endpoint(), http.build(), sessions(), cli.clock());
    }

    Printer printer() {
        return new Printer(output, cli.out());
    }
}
