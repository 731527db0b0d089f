package dev.s3aas.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
    private final TestPki pki = new TestPki();

    @Test
    void readsPkcs8Pkcs1AndSec1Keys() throws Exception {
        KeyPair rsa = rsa();
        KeyPair ec = Certificates.newKeyPair();
        String pkcs1 = Pem.encode(rsa.getPrivate()); // JcaPEMWriter writes the traditional "RSA PRIVATE KEY"
        String sec1 = sec1WithCurve(ec);
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(sec1).contains("-----BEGIN EC PRIVATE KEY-----");
        assertThat(Pem.encodePrivateKey(ec.getPrivate())).startsWith("-----BEGIN PRIVATE KEY-----");

        assertThat(Pem.privateKey(pkcs1).getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
        assertThat(((java.security.interfaces.ECPrivateKey) Pem.privateKey(sec1)).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) ec.getPrivate()).getS());
        assertThat(Pem.privateKey(Pem.encodePrivateKey(rsa.getPrivate())).getEncoded())
                .isEqualTo(rsa.getPrivate().getEncoded());
    }

    @Test
    void anRsaKeyServesAsWellAsAnEcOne() throws Exception {
        KeyPair rsa = rsa();
        KeyMaterial m = new KeyMaterial(rsa.getPrivate(), List.of(Certificates.issueServer(pki.ca, rsa.getPublic(),
                List.of("localhost"), Instant.now(), Duration.ofDays(1))));
        m.checkPair();
        assertThat(m.keyStore().isKeyEntry(KeyMaterial.ALIAS)).isTrue();
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused(@TempDir Path dir) throws Exception {
        TlsFiles files = new TlsFiles(dir.resolve("c.pem"), dir.resolve("k.pem"));
        pki.issue(files);
        Files.writeString(files.privateKey(), Pem.encodePrivateKey(Certificates.newKeyPair().getPrivate()));
        assertThatThrownBy(() -> KeyMaterial.load(files)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void filesWithoutTheExpectedBlocksAreRefused() {
        assertThatThrownBy(() -> Pem.certificates("nothing here")).hasMessageContaining("no PEM CERTIFICATE");
        assertThatThrownBy(() -> Pem.privateKey(pki.caPem())).hasMessageContaining("no PEM private key");
    }

    @Test
    void leavesNameTheirAddressesAndChainToTheCa() throws Exception {
        KeyPair pair = Certificates.newKeyPair();
        var leaf = Certificates.issueServer(pki.ca, pair.getPublic(), List.of("127.0.0.1", "Node-1.example"),
                Instant.now(), Duration.ofDays(365));
        leaf.verify(pki.ca.leaf().getPublicKey());
        assertThat(Certificates.subjectAlternativeNames(leaf)).containsExactly("127.0.0.1", "node-1.example");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(pki.ca.leaf().getBasicConstraints()).isZero();
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    /** SEC 1 with the curve inside, as {@code openssl ecparam -genkey} writes it (BC's writer leaves it out). */
    private static String sec1WithCurve(KeyPair ec) throws Exception {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        byte[] der = new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters()).getEncoded();
        return "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
