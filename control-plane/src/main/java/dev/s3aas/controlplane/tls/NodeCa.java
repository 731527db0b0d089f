package dev.s3aas.controlplane.tls;

import dev.s3aas.common.tls.Certificates;
import dev.s3aas.common.tls.KeyMaterial;
import dev.s3aas.common.tls.Pem;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The control plane's own certificate authority for its local nodes ({@code S3AAS_NODE_TLS}): a self-signed EC
 * P-256 CA valid for 10 years, created on first use and kept in the {@code node_tls_ca} row, its private key
 * sealed with the master key ({@link SecretBox}) as every other secret is, so it never sits in a plain file.
 * Clients verify nodes with its certificate, which the instance view publishes ({@code ca_certificate}).
 *
 * <p>Of two first uses at once (two instances reconciled in parallel) both generate a CA, the first insert
 * wins and both read it back, so every node of this control plane chains to the one CA.
 */
public final class NodeCa {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    private final Database db;
    private final SecretBox secrets;
    private final Clock clock;
    private volatile KeyMaterial ca;

    public NodeCa(Database db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The CA certificate (created first if there is none yet). */
    public X509Certificate certificate() {
        return material().leaf();
    }

    /** The CA certificate as PEM, for {@code aws --ca-bundle} and boto3's {@code verify=}. */
    public String certificatePem() {
        return Pem.encode(certificate());
    }

    /** A server certificate for {@code names} and {@code subject}'s key, valid from now for {@code validity}. */
    X509Certificate issue(PublicKey subject, List<String> names, Duration validity) {
        return Certificates.issueServer(material(), subject, names, clock.instant(), validity);
    }

    private KeyMaterial material() {
        KeyMaterial m = ca;
        if (m == null) {
            synchronized (this) {
                m = ca;
                if (m == null) {
                    m = loadOrCreate();
                    ca = m;
                }
            }
        }
        return m;
    }

    private KeyMaterial loadOrCreate() {
        Optional<Stored> stored = read();
        if (stored.isEmpty()) {
            KeyPair pair = Certificates.newKeyPair();
            X509Certificate cert = Certificates.selfSignedCa(pair, "s3aas node CA", clock.instant(), CA_VALIDITY);
            String sealed = secrets.encrypt(Pem.encodePrivateKey(pair.getPrivate()));
            db.writeVoid(h -> h.createUpdate("INSERT INTO node_tls_ca (id, certificate, private_key_sealed, created_at) "
                            + "VALUES (1, :c, :k, :now) ON CONFLICT (id) DO NOTHING")
                    .bind("c", Pem.encode(cert)).bind("k", sealed).bind("now", clock.millis()).execute());
            stored = read();
        }
        Stored s = stored.orElseThrow(() -> new IllegalStateException("the node CA row vanished"));
        try {
            KeyMaterial m = new KeyMaterial(Pem.privateKey(secrets.decrypt(s.sealedKey())),
                    Pem.certificates(s.certificate()));
            m.checkPair();
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored node CA does not load: " + e.getMessage(), e);
        }
    }

    private record Stored(String certificate, String sealedKey) {}

    private Optional<Stored> read() {
        return db.read(h -> h.createQuery("SELECT certificate, private_key_sealed FROM node_tls_ca WHERE id = 1")
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2))).findOne());
    }
}
