package dev.s3aas.common.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a renewed certificate without a restart: every {@code interval} it hashes both files of a
 * {@link TlsFiles} and, when the contents changed, loads them and swaps the key store of the running
 * {@link SslContextFactory} (new handshakes get the new certificate; open connections keep theirs).
 *
 * <p>Contents, not modification times, are compared: a renewal written twice within the file system's
 * timestamp granularity, or a file copied with its old mtime preserved, would otherwise go unnoticed. The files
 * are small, so reading them every few seconds costs nothing.
 *
 * <p>A new pair that does not load (half written, the key not matching the certificate — e.g. the key renamed
 * into place before the certificate) is logged and the current certificate kept; it is tried again as soon as
 * the files change again.
 */
final class CertificateReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final TlsFiles files;
    private final SslContextFactory.Server ssl;
    private final Duration interval;
    private final Thread thread;
    private byte[] seen;
    private volatile boolean closed;

    /** @param initial the digest of the files the factory was built from, so they are not reloaded at once */
    CertificateReloader(TlsFiles files, SslContextFactory.Server ssl, Duration interval, byte[] initial) {
        this.files = files;
        this.ssl = ssl;
        this.interval = interval;
        this.seen = initial;
        this.thread = Thread.ofVirtual().name("tls-reload-" + files.certificate().getFileName()).start(this::run);
    }

    /** SHA-256 over both files' bytes. */
    static byte[] digest(TlsFiles files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(files.certificate()));
            md.update((byte) 0);
            md.update(Files.readAllBytes(files.privateKey()));
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            check();
        }
    }

    /** One look at the files; package-private so tests need not wait for the timer. */
    synchronized void check() {
        byte[] now;
        try {
            now = digest(files);
        } catch (IOException e) {
            if (seen != null) {
                LOG.warn("cannot read TLS files {} / {}: {}; keeping the current certificate", files.certificate(),
                        files.privateKey(), e.toString());
                seen = null;
            }
            return;
        }
        if (Arrays.equals(now, seen)) {
            return;
        }
        seen = now;
        try {
            KeyMaterial m = KeyMaterial.load(files);
            java.security.KeyStore ks = m.keyStore();
            ssl.reload(f -> f.setKeyStore(ks));
            LOG.info("TLS certificate reloaded from {}: {}", files.certificate(), m.describe());
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("new TLS files {} / {} do not load ({}); keeping the current certificate", files.certificate(),
                    files.privateKey(), e.getMessage());
        } catch (Exception e) {
            LOG.warn("reloading the TLS certificate from {} failed; keeping the current one", files.certificate(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
