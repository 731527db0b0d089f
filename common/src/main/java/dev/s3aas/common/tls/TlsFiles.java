package dev.s3aas.common.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a server's TLS identity lives: a PEM certificate chain (leaf first) and its PEM private key. Both files
 * are read at start and again whenever either changes ({@link CertificateReloader}).
 */
public record TlsFiles(Path certificate, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate file");
        Objects.requireNonNull(privateKey, "private key file");
    }

    /** Both given, or neither (null); one alone is a configuration mistake, named after {@code certName}/{@code keyName}. */
    public static TlsFiles ofOptional(String cert, String key, String certName, String keyName) {
        boolean noCert = cert == null || cert.isBlank();
        boolean noKey = key == null || key.isBlank();
        if (noCert && noKey) {
            return null;
        }
        if (noCert || noKey) {
            throw new IllegalArgumentException(certName + " and " + keyName + " must be given together");
        }
        return new TlsFiles(Path.of(cert), Path.of(key));
    }
}
