package dev.s3aas.controlplane.tls;

import dev.s3aas.common.tls.Certificates;
import dev.s3aas.common.tls.KeyMaterial;
import dev.s3aas.common.tls.Pem;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.common.tls.TrustStores;
import dev.s3aas.controlplane.crypto.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS identity of each local node: a key of its own and a certificate of the {@link NodeCa} naming the
 * node's address, in {@code <node dir>/tls.key} and {@code tls.crt} (both 0600: the key is the node's secret,
 * and the node's directory is the one place it needs to be). {@link #ensure} is called on every provisioning
 * pass, so a certificate is re-issued — and picked up by the running node, which reloads changed files — when it
 * is within {@link #RENEW_BEFORE} of expiry, when the node's names changed, or when it is not the current CA's.
 */
public final class NodeTls {
    private static final Logger LOG = LoggerFactory.getLogger(NodeTls.class);
    static final Duration VALIDITY = Duration.ofDays(365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String CERT_FILE = "tls.crt";
    static final String KEY_FILE = "tls.key";

    private final NodeCa ca;
    private final Clock clock;
    private volatile SSLContext client;

    public NodeTls(NodeCa ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** The files of the node in {@code nodeDir}, (re-)issued first unless they hold a current certificate for {@code names}. */
    public TlsFiles ensure(Path nodeDir, List<String> names) throws IOException {
        TlsFiles files = new TlsFiles(nodeDir.resolve(CERT_FILE), nodeDir.resolve(KEY_FILE));
        String stale = staleness(files, names);
        if (stale != null) {
            KeyPair pair = Certificates.newKeyPair();
            X509Certificate cert = ca.issue(pair.getPublic(), names, VALIDITY);
            // Key first: until the certificate follows, the node refuses the mismatched pair and keeps serving the
            // old one (CertificateReloader), then loads both.
            writeOwnerOnly(files.privateKey(), Pem.encodePrivateKey(pair.getPrivate()));
            writeOwnerOnly(files.certificate(), Pem.encode(cert));
            LOG.info("issued a TLS certificate for {} ({}), serial {}, valid until {}", nodeDir.getFileName(), stale,
                    cert.getSerialNumber().toString(16), cert.getNotAfter().toInstant());
        }
        return files;
    }

    /** Why the files need a new certificate, or null when they are current. */
    String staleness(TlsFiles files, List<String> names) {
        if (!Files.exists(files.certificate()) || !Files.exists(files.privateKey())) {
            return "none yet";
        }
        try {
            KeyMaterial m = KeyMaterial.load(files);
            X509Certificate leaf = m.leaf();
            try {
                leaf.verify(ca.certificate().getPublicKey());
            } catch (GeneralSecurityException e) {
                return "not issued by the current CA";
            }
            if (!Certificates.subjectAlternativeNames(leaf).equals(Certificates.canonicalNames(names))) {
                return "the node's address changed";
            }
            if (leaf.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
                return "expires " + leaf.getNotAfter().toInstant();
            }
            return null;
        } catch (IOException | GeneralSecurityException e) {
            return "the files do not load";
        }
    }

    /** The CA certificate clients verify these nodes with. */
    public String caCertificatePem() {
        return ca.certificatePem();
    }

    /** A TLS client context trusting the CA only (for the control plane's own calls to its nodes). */
    public SSLContext clientContext() {
        SSLContext c = client;
        if (c == null) {
            try {
                c = TrustStores.clientContext(List.of(ca.certificate()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a TLS context trusting the node CA", e);
            }
            client = c;
        }
        return c;
    }

    /** Replaces {@code file} atomically by a new 0600 file holding {@code text}. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Secrets.writeOwnerOnly(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
