package dev.s3aas.common.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for a Jetty connector, shared by the node and the control plane: the certificate and key of a
 * {@link TlsFiles}, TLS 1.3 and 1.2 only (1.0 and 1.1 are deprecated by RFC 8996), and a
 * {@link CertificateReloader} that swaps in renewed files. Use {@link #connectionFactories} in place of the
 * plain {@code HttpConnectionFactory}; {@link #close()} stops the reloader.
 */
public final class ServerTls implements AutoCloseable {
    /** How often the files are checked for a renewal. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final TlsFiles files;
    private final SslContextFactory.Server ssl;
    private final KeyMaterial initial;
    private final CertificateReloader reloader;

    private ServerTls(TlsFiles files, SslContextFactory.Server ssl, KeyMaterial initial, Duration interval,
            byte[] digest) {
        this.files = files;
        this.ssl = ssl;
        this.initial = initial;
        this.reloader = new CertificateReloader(files, ssl, interval, digest);
    }

    /** Loads the files (failing now if they do not load: a server must not start without its certificate). */
    public static ServerTls open(TlsFiles files) throws IOException, GeneralSecurityException {
        return open(files, DEFAULT_CHECK_INTERVAL);
    }

    public static ServerTls open(TlsFiles files, Duration checkInterval) throws IOException, GeneralSecurityException {
        byte[] digest = CertificateReloader.digest(files);
        KeyMaterial material = KeyMaterial.load(files);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(material.keyStore());
        ssl.setKeyStorePassword(new String(KeyMaterial.IN_MEMORY_PASSWORD));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // Clients reach nodes at 127.0.0.1, and an IP address is never sent as SNI (RFC 6066 section 3): a
        // certificate must be chosen without one.
        ssl.setSniRequired(false);
        return new ServerTls(files, ssl, material, checkInterval, digest);
    }

    /**
     * TLS in front of {@code http}: the connection factories for a {@code ServerConnector}. Adds to the HTTP
     * configuration the customizer that marks requests secure ({@code Request.isSecure()}, scheme https), with the
     * SNI host check off for the same reason as above.
     */
    public ConnectionFactory[] connectionFactories(HttpConnectionFactory http) {
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.getHttpConfiguration().addCustomizer(secure);
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, http.getProtocol()), http};
    }

    /** The files served. */
    public TlsFiles files() {
        return files;
    }

    /** What was loaded at start, for the start-up log line. */
    public String describe() {
        return initial.describe();
    }

    /** Checks the files now instead of at the next interval. */
    public void checkNow() {
        reloader.check();
    }

    @Override
    public void close() {
        reloader.close();
    }
}
