package dev.s3aas.common.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 certificates (RFC 5280) for a small private CA: a self-signed CA certificate and server leaves
 * with subject alternative names. Keys are EC P-256 with ECDSA-SHA256: fast to generate and to handshake with,
 * and accepted by every client in use here (JDK, OkHttp, the AWS SDKs, OpenSSL behind boto3 and the aws CLI).
 *
 * <p>Certificates carry what strict verifiers (OpenSSL's {@code X509_V_FLAG_X509_STRICT}, on by default in
 * Python 3.13's {@code ssl.create_default_context}) demand: a critical basicConstraints and a keyUsage on the CA,
 * an authority key identifier on the leaf, subject key identifiers on both, and the names in the SAN (never only
 * in the common name). Validity starts an hour back, so a client whose clock is a little behind still accepts a
 * certificate issued a moment ago.
 */
public final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration BACKDATE = Duration.ofHours(1);

    private Certificates() {}

    /** A fresh EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** A self-signed CA certificate that may sign leaves only (path length 0). */
    public static X509Certificate selfSignedCa(KeyPair ca, String commonName, Instant now, Duration validity) {
        X500Principal name = new X500Principal("CN=" + commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), name, ca.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(ca.getPublic()));
            return sign(b, ca);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
    }

    /**
     * A TLS server certificate for {@code names} (IP literals become IP SANs, anything else DNS SANs), signed by
     * the CA; the first name is also the common name.
     */
    public static X509Certificate issueServer(KeyMaterial ca, PublicKey subject, List<String> names, Instant now,
            Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            List<GeneralName> sans = new ArrayList<>();
            for (String n : names) {
                sans.add(isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
            }
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.leaf(), serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)),
                    new X500Principal("CN=" + names.get(0)), subject)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(new GeneralName[0])))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subject))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.leaf()));
            return sign(b, new KeyPair(ca.leaf().getPublicKey(), ca.key()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a server certificate", e);
        }
    }

    /**
     * The subject alternative names of a certificate as strings (IP addresses in their canonical text form, so
     * they compare with what {@link #issueServer} was given after {@link #canonicalNames}).
     */
    public static Set<String> subjectAlternativeNames(X509Certificate cert) throws GeneralSecurityException {
        Set<String> out = new TreeSet<>();
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        if (sans != null) {
            for (List<?> san : sans) {
                out.add(canonical(String.valueOf(san.get(1))));
            }
        }
        return out;
    }

    /** The names in the form {@link #subjectAlternativeNames} reports them. */
    public static Set<String> canonicalNames(Collection<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> out.add(canonical(n)));
        return out;
    }

    private static String canonical(String name) {
        if (isIpLiteral(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return name;
            }
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** An IPv4 dotted quad or an IPv6 literal (never resolved: no DNS lookups for names). */
    static boolean isIpLiteral(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(signatureAlgorithm(issuer)).build(issuer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String signatureAlgorithm(KeyPair issuer) {
        return "RSA".equals(issuer.getPrivate().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    }

    /** A random positive 127-bit serial (RFC 5280: at most 20 octets; CA/B forum: at least 64 random bits). */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
