package dev.s3aas.common.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChecksumAlgorithmTest {
    static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    /** The catalogue check values of each algorithm for "123456789", as hex. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CRC32, cbf43926",
        "CRC32C, e3069283",
        "CRC64NVME, ae8b14860a799888",
        "SHA1, f7c3bc1d808e04732adf679965ccc34ca7ae3441",
        "SHA256, 15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225"})
    void checkValues(ChecksumAlgorithm algorithm, String hex) {
        ChecksumDigest digest = algorithm.newDigest();
        digest.update(CHECK, 0, CHECK.length);
        byte[] value = digest.finish();

        assertThat(Hex.encode(value)).isEqualTo(hex);
        assertThat(value).hasSize(algorithm.digestLength());
    }

    /** Values from the AWS SDKs' and CRT's tests: 32 zero bytes, and "abc" as S3 renders it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"CRC32, 190a55ad", "CRC32C, 8a9136aa", "CRC64NVME, cf3473434d4ecf3b"})
    void thirtyTwoZeros(ChecksumAlgorithm algorithm, String hex) {
        ChecksumDigest digest = algorithm.newDigest();
        digest.update(new byte[32], 0, 32);
        assertThat(Hex.encode(digest.finish())).isEqualTo(hex);
    }

    @Test
    void base64RenderingIsOfTheBigEndianValue() {
        ChecksumDigest crc32 = ChecksumAlgorithm.CRC32.newDigest();
        crc32.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertThat(crc32.finishBase64()).isEqualTo("NSRBwg==");
        ChecksumDigest sha256 = ChecksumAlgorithm.SHA256.newDigest();
        assertThat(sha256.finishBase64()).isEqualTo(Base64.getEncoder()
                .encodeToString(Hex.decode(Digests.EMPTY_SHA256_HEX)));
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void incrementalAndBufferUpdatesMatchOneShot(ChecksumAlgorithm algorithm) {
        byte[] data = new byte[100_003];
        new Random(42).nextBytes(data);
        ChecksumDigest oneShot = algorithm.newDigest();
        oneShot.update(data, 0, data.length);
        byte[] expected = oneShot.finish();

        ChecksumDigest pieces = algorithm.newDigest();
        Random random = new Random(7);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, random.nextInt(300));
            if (random.nextBoolean()) {
                pieces.update(data, at, n);
            } else {
                ByteBuffer buffer = random.nextBoolean() ? ByteBuffer.allocateDirect(n)
                        : ByteBuffer.allocate(n + 5).position(5).slice();
                buffer.put(data, at, n).flip();
                pieces.update(buffer);
                assertThat(buffer.hasRemaining()).isFalse();
            }
            at += n;
        }
        assertThat(pieces.finish()).isEqualTo(expected);
        // finish() resets: the digest starts over.
        pieces.update(data, 0, data.length);
        assertThat(pieces.finish()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"crc32, CRC32", "CRC32C, CRC32C", "Sha1, SHA1", " sha256 , SHA256",
        "crc64nvme, CRC64NVME"})
    void parsesAlgorithmNamesCaseInsensitively(String value, ChecksumAlgorithm algorithm) {
        assertThat(ChecksumAlgorithm.parse(value)).contains(algorithm);
    }

    @Test
    void unknownNamesAreEmpty() {
        assertThat(ChecksumAlgorithm.parse("md5")).isEmpty();
        assertThat(ChecksumAlgorithm.parse(null)).isEmpty();
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-md5")).isEmpty();
    }

    @Test
    void headerAndXmlNames() {
        assertThat(ChecksumAlgorithm.CRC64NVME.headerName()).isEqualTo("x-amz-checksum-crc64nvme");
        assertThat(ChecksumAlgorithm.CRC32C.xmlElement()).isEqualTo("ChecksumCRC32C");
        assertThat(ChecksumAlgorithm.fromHeaderName("X-Amz-Checksum-SHA256"))
                .contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.SHA1.isCrc()).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isCrc()).isTrue();
    }
}
