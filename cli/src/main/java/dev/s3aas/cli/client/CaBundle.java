package dev.s3aas.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An {@link SSLContext} that trusts exactly the certificates of a PEM file ({@code --ca-bundle} /
 * {@code S3AAS_CA_BUNDLE}), for a control plane whose certificate a private CA issued. Like {@code curl
 * --cacert}, the bundle replaces the system trust store rather than adding to it: a private endpoint should not
 * also be accepted with any public certificate. Host names are still verified by the HTTP client.
 */
final class CaBundle {
    private CaBundle() {
    }

    static SSLContext load(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new CliError.Local("no certificate in CA bundle " + pem);
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new CliError.Local("cannot read CA bundle " + pem + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new CliError.Local("invalid CA bundle " + pem + ": " + e.getMessage());
        }
    }
}
