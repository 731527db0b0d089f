package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ca-bundle} / {@code S3AAS_CA_BUNDLE}: the client trusts a private CA's PEM for an https endpoint, and
 * refuses the same endpoint without it. The control plane serves plain HTTP on this branch (TLS for it is being
 * added elsewhere), so the endpoint here is a JDK HTTPS server with a keytool-made certificate for 127.0.0.1
 * answering the two API calls the client makes (token, instance list) with the API's shapes.
 */
class CliCaBundleTest {
    @TempDir
    static Path work;
    static HttpsServer https;
    static Path caPem;
    static Path otherPem;
    static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = work.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        caPem = work.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        Path other = work.resolve("other.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=other",
                "-validity", "2", "-keystore", other.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        otherPem = work.resolve("other.pem");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", other.toString(), "-storepass", "changeit",
                "-file", otherPem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx));
        https.createContext("/v1/auth/token", ex -> answer(ex, "{\"access_token\": \"a\", \"token_type\": \"Bearer\","
                + " \"expires_in\": 3600, \"refresh_token\": \"r\", \"project_id\": null}"));
        https.createContext("/v1/types/s3/instances", ex -> answer(ex, "[]"));
        https.start();
        endpoint = "https://127.0.0.1:" + https.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        https.stop(0);
    }

    private static void answer(HttpExchange ex, String body) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void thePrivateCaIsTrustedWithTheBundleAndRefusedWithout() throws Exception {
        CliRunner cli = new CliRunner(work.resolve("config"));
        CliRunner.Run untrusted = cli.runWithStdin("pw\n", "login", "--endpoint", endpoint, "-u", "admin",
                "--password-stdin");
        assertThat(untrusted.code()).as(untrusted.toString()).isEqualTo(4);
        assertThat(untrusted.err()).startsWith("error: TLS with " + endpoint + " failed").contains("--ca-bundle");

        CliRunner.Run wrongCa = cli.runWithStdin("pw\n", "login", "--endpoint", endpoint, "--ca-bundle",
                otherPem.toString(), "-u", "admin", "--password-stdin");
        assertThat(wrongCa.code()).as(wrongCa.toString()).isEqualTo(4);

        CliRunner.Run login = cli.runWithStdin("pw\n", "login", "--endpoint", endpoint, "--ca-bundle",
                caPem.toString(), "-u", "admin", "--password-stdin");
        assertThat(login.code()).as(login.toString()).isZero();
        assertThat(login.out()).contains("logged in to " + endpoint);

        // The stored session remembers the endpoint; the bundle also comes from the environment.
        CliRunner.Run list = cli.env("S3AAS_CA_BUNDLE", caPem.toString()).run("instance", "list", "-o", "json");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out().strip()).isEqualTo("[ ]");
    }

    @Test
    void aBundleWithoutCertificatesIsALocalError() throws Exception {
        Path empty = Files.writeString(work.resolve("empty.pem"), "not a certificate\n");
        CliRunner.Run r = new CliRunner(work.resolve("config-empty")).runWithStdin("pw\n", "login", "--endpoint",
                endpoint, "--ca-bundle", empty.toString(), "-u", "admin", "--password-stdin");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains(empty.toString());
    }
}
