package dev.s3aas.common.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key and its certificate chain (leaf first), checked to belong together: a key file rewritten before
 * its certificate (or the reverse) would otherwise be served as a pair that no client can verify.
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
    /**
     * The password of the in-memory key stores made here. They are never written anywhere, so it protects
     * nothing; JCA just insists on one.
     */
    static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();
    static final String ALIAS = "server";

    public KeyMaterial {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
    }

    /** Reads and checks both PEM files. */
    public static KeyMaterial load(TlsFiles files) throws IOException, GeneralSecurityException {
        String cert = Files.readString(files.certificate(), StandardCharsets.US_ASCII);
        String key = Files.readString(files.privateKey(), StandardCharsets.US_ASCII);
        KeyMaterial m = new KeyMaterial(Pem.privateKey(key), Pem.certificates(cert));
        m.checkPair();
        return m;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Signs a random challenge with the key and verifies it with the leaf's public key. */
    public void checkPair() throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(leaf().getPublicKey());
        verifier.update(challenge);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the private key does not belong to the certificate");
        }
    }

    /** A PKCS#12 key store in memory holding this key and chain under one alias. */
    public KeyStore keyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        ks.setKeyEntry(ALIAS, key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
        return ks;
    }

    /** The leaf's subject, serial and expiry, for logs (nothing secret). */
    public String describe() {
        X509Certificate c = leaf();
        return "subject \"" + c.getSubjectX500Principal().getName() + "\", serial " + c.getSerialNumber().toString(16)
                + ", valid until " + c.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + describe() + ", key hidden]";
    }
}
