package dev.s3aas.common.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A throwaway CA and server certificates issued by it, written as PEM files. */
final class TestPki {
    final KeyMaterial ca;

    TestPki() {
        KeyPair pair = Certificates.newKeyPair();
        ca = new KeyMaterial(pair.getPrivate(),
                List.of(Certificates.selfSignedCa(pair, "test CA", Instant.now(), Duration.ofDays(1))));
    }

    String caPem() {
        return Pem.encode(ca.leaf());
    }

    /** A fresh key and a certificate for 127.0.0.1 and localhost, written to {@code files} (replacing them). */
    KeyMaterial issue(TlsFiles files) throws IOException {
        KeyPair pair = Certificates.newKeyPair();
        KeyMaterial m = new KeyMaterial(pair.getPrivate(), List.of(Certificates.issueServer(ca, pair.getPublic(),
                List.of("127.0.0.1", "localhost"), Instant.now(), Duration.ofDays(1))));
        Files.writeString(files.privateKey(), Pem.encodePrivateKey(m.key()));
        Files.writeString(files.certificate(), Pem.encode(m.leaf()));
        return m;
    }
}
