package dev.s3aas.common.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * PEM (RFC 7468) certificates and private keys. Keys may be PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA
 * ({@code RSA PRIVATE KEY}) or SEC 1 EC ({@code EC PRIVATE KEY}, optionally after an {@code EC PARAMETERS}
 * block, as {@code openssl ecparam -genkey} writes it). Encrypted keys are refused: a server restarting
 * unattended has no one to type the passphrase. Conversion uses the JDK's providers, so nothing registers
 * BouncyCastle globally. Error messages never quote the key.
 */
public final class Pem {
    private Pem() {}

    /** Every certificate in the text, in order (for a chain: the leaf first). */
    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object o : objects(pem)) {
            if (o instanceof X509CertificateHolder h) {
                out.add(converter.getCertificate(h));
            }
        }
        if (out.isEmpty()) {
            throw new CertificateException("no PEM CERTIFICATE block found");
        }
        return out;
    }

    /** The one private key in the text. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKey key = null;
        for (Object o : objects(pem)) {
            PrivateKey found;
            try {
                found = toKey(converter, o);
            } catch (org.bouncycastle.openssl.PEMException e) {
                throw new GeneralSecurityException("the private key does not decode: " + e.getMessage());
            }
            if (found != null) {
                if (key != null) {
                    throw new GeneralSecurityException("more than one private key in the key file");
                }
                key = found;
            }
        }
        if (key == null) {
            throw new GeneralSecurityException("no PEM private key block found (PRIVATE KEY, RSA PRIVATE KEY or "
                    + "EC PRIVATE KEY)");
        }
        return key;
    }

    private static PrivateKey toKey(JcaPEMKeyConverter converter, Object o)
            throws GeneralSecurityException, org.bouncycastle.openssl.PEMException {
        return switch (o) {
            case PrivateKeyInfo info -> converter.getPrivateKey(info);
            case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
            case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted();
            case PEMEncryptedKeyPair e -> throw encrypted();
            default -> null; // certificates: not a key
        };
    }

    private static GeneralSecurityException encrypted() {
        return new GeneralSecurityException("encrypted private keys are not supported: give the key unencrypted "
                + "in a file only the server's user can read");
    }

    private static List<Object> objects(String pem) throws GeneralSecurityException {
        List<Object> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof ASN1ObjectIdentifier)) {
                    out.add(o);
                }
            }
        } catch (IOException e) {
            // PEMParser's messages describe the structure, never the key bytes.
            throw new GeneralSecurityException("malformed PEM: " + e.getMessage());
        }
        return out;
    }

    /** A private key as PKCS#8 PEM ({@code PRIVATE KEY}), the form every TLS stack reads. */
    public static String encodePrivateKey(PrivateKey key) {
        try {
            return encode(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException("cannot encode the private key", e);
        }
    }

    /** PEM text of certificates or anything else {@link JcaPEMWriter} knows. */
    public static String encode(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
