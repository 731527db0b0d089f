package dev.s3aas.node.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.admin.Crypto;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The madmin payload encryption against the MinIO Java admin client's own implementation
 * ({@code io.minio.admin.Crypto}), in both directions, at sizes around the 16 KiB package boundary.
 */
class MadminCryptoTest {
    private static final String SECRET = "test-root-secret-key";

    private static byte[] payload(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 16383, 16384, 16385, 40000})
    void ourEncryptionDecryptsWithMinioCrypto(int size) throws Exception {
        byte[] plain = payload(size);
        byte[] sealed = MadminCrypto.encrypt(plain, SECRET);
        assertThat(Crypto.decrypt(new ByteArrayInputStream(sealed), SECRET)).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 16383, 16384, 16385, 40000})
    void minioEncryptionDecryptsWithOurs(int size) throws Exception {
        byte[] plain = payload(size);
        byte[] sealed = Crypto.encrypt(plain, SECRET);
        assertThat(MadminCrypto.decrypt(sealed, SECRET)).isEqualTo(plain);
    }

    @Test
    void wrongSecretIsRefused() {
        byte[] sealed = MadminCrypto.encrypt("{\"a\":1}".getBytes(StandardCharsets.UTF_8), SECRET);
        assertThatThrownBy(() -> MadminCrypto.decrypt(sealed, "another-secret"))
                .isInstanceOf(MadminCrypto.CryptoException.class).hasMessageContaining("authentication failed");
    }

    @Test
    void tamperedOrTruncatedPayloadsAreRefused() {
        byte[] sealed = MadminCrypto.encrypt(payload(20000), SECRET);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> MadminCrypto.decrypt(flipped, SECRET)).isInstanceOf(MadminCrypto.CryptoException.class);
        byte[] truncated = java.util.Arrays.copyOf(sealed, MadminCrypto.HEADER_LEN + MadminCrypto.PACKAGE_SIZE
                + MadminCrypto.TAG_LEN);
        // Dropping the final package makes the last remaining one look final: its flag does not match.
        assertThatThrownBy(() -> MadminCrypto.decrypt(truncated, SECRET)).isInstanceOf(MadminCrypto.CryptoException.class);
        assertThatThrownBy(() -> MadminCrypto.decrypt(new byte[10], SECRET)).isInstanceOf(MadminCrypto.CryptoException.class);
    }

    @Test
    void garbageIsRefusedNotCrashed() {
        byte[] garbage = payload(500);
        garbage[MadminCrypto.SALT_LEN] = 0;
        assertThatThrownBy(() -> MadminCrypto.decrypt(garbage, SECRET)).isInstanceOf(MadminCrypto.CryptoException.class);
        garbage[MadminCrypto.SALT_LEN] = 9;
        assertThatThrownBy(() -> MadminCrypto.decrypt(garbage, SECRET)).isInstanceOf(MadminCrypto.CryptoException.class)
                .hasMessageContaining("AEAD id");
    }
}
