package dev.s3aas.common.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Client-side trust in given certificates only (a private CA), for clients of servers whose certificates no
 * public CA issued. Host names are still verified by the clients (against the certificates' SANs).
 */
public final class TrustStores {
    private TrustStores() {}

    /** A key store with the certificates as trusted entries. */
    public static KeyStore of(List<X509Certificate> trusted) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < trusted.size(); i++) {
            ks.setCertificateEntry("ca-" + i, trusted.get(i));
        }
        return ks;
    }

    /** The PKIX trust manager over exactly these certificates. */
    public static X509TrustManager trustManager(List<X509Certificate> trusted) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(of(trusted));
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    /** A TLS client context trusting exactly these certificates (for java.net.http, OkHttp, Apache). */
    public static SSLContext clientContext(List<X509Certificate> trusted) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trustManager(trusted)}, null);
        return ctx;
    }

    /** As {@link #clientContext(List)}, from PEM text. */
    public static SSLContext clientContext(String pem) throws GeneralSecurityException {
        return clientContext(Pem.certificates(pem));
    }
}
