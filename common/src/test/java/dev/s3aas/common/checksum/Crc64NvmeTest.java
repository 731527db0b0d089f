package dev.s3aas.common.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CRC-64/NVME against published values: the catalogue check value, the AWS CRT (aws-checksums)
 * test vectors, and the NVM Command Set specification / Linux kernel vectors.
 */
class Crc64NvmeTest {

    static Stream<Arguments> vectors() {
        byte[] sequence = new byte[32];
        for (int i = 0; i < 32; i++) {
            sequence[i] = (byte) i;
        }
        return Stream.of(
                Arguments.of("empty", new byte[0], 0L),
                Arguments.of("123456789", ascii("123456789"), 0xAE8B14860A799888L),
                Arguments.of("32 zeros (aws-checksums)", new byte[32], 0xCF3473434D4ECF3BL),
                Arguments.of("0x00..0x1F (aws-checksums)", sequence, 0xB9D9D4A8492CBD7FL),
                Arguments.of("32 x 0xFF", filled(32, 0xFF), 0xA0A06974C34D63C4L),
                Arguments.of("4096 zeros (NVMe spec)", new byte[4096], 0x6482D367EB22B64EL),
                Arguments.of("4096 x 0xFF (NVMe spec)", filled(4096, 0xFF), 0xC0DDBA7302ECA3ACL),
                Arguments.of("hello world!", ascii("hello world!"), 0xD9160D1FA8E418E3L),
                Arguments.of("25 MiB zeros (aws-crt)", new byte[25 << 20], 0x5B6F5045463CA45EL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publishedValues(String name, byte[] input, long expected) {
        assertThat(Crc64Nvme.of(input)).isEqualTo(expected);
    }

    @Test
    void sliceByEightMatchesTheBitwiseDefinition() {
        Random random = new Random(1);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length + 16];
            random.nextBytes(data);
            int offset = random.nextInt(16);
            Crc64Nvme crc = new Crc64Nvme();
            crc.update(data, offset, length);
            assertThat(crc.getValue()).as("length %d", length)
                    .isEqualTo(bitwise(data, offset, length));
        }
    }

    @Test
    void singleByteUpdatesAndResetWork() {
        byte[] data = ascii("123456789");
        Crc64Nvme crc = new Crc64Nvme();
        crc.update(new byte[] {1, 2, 3}, 0, 3);
        crc.reset();
        for (byte b : data) {
            crc.update(b);
        }
        assertThat(crc.getValue()).isEqualTo(0xAE8B14860A799888L);
    }

    /** The definition, one bit at a time: reflected, init and xorout all ones. */
    static long bitwise(byte[] data, int offset, int length) {
        long crc = -1L;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] filled(int length, int value) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) value);
        return data;
    }
}
