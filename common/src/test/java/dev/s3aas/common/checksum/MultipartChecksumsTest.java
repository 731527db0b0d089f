package dev.s3aas.common.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultipartChecksumsTest {

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void combineEqualsTheChecksumOfTheConcatenation(ChecksumAlgorithm algorithm) {
        Random random = new Random(algorithm.ordinal());
        for (int round = 0; round < 200; round++) {
            byte[] a = new byte[random.nextInt(3000)];
            byte[] b = new byte[round < 5 ? round : random.nextInt(70_000)];
            random.nextBytes(a);
            random.nextBytes(b);

            byte[] combined = MultipartChecksums.combine(algorithm, checksum(algorithm, a),
                    checksum(algorithm, b), b.length);
            assertThat(combined).as("|a|=%d |b|=%d", a.length, b.length)
                    .isEqualTo(checksum(algorithm, concat(List.of(a, b))));
        }
    }

    @Test
    void longLevelCombinersMatchTheJdk() {
        byte[] a = "The quick brown fox ".getBytes();
        byte[] b = "jumps over the lazy dog".getBytes();
        CRC32 crcA = new CRC32();
        crcA.update(a);
        CRC32 crcB = new CRC32();
        crcB.update(b);
        CRC32 whole = new CRC32();
        whole.update(concat(List.of(a, b)));
        assertThat(MultipartChecksums.combineCrc32(crcA.getValue(), crcB.getValue(), b.length))
                .isEqualTo(whole.getValue());

        CRC32C cA = new CRC32C();
        cA.update(a);
        CRC32C cB = new CRC32C();
        cB.update(b);
        CRC32C cWhole = new CRC32C();
        cWhole.update(concat(List.of(a, b)));
        assertThat(MultipartChecksums.combineCrc32c(cA.getValue(), cB.getValue(), b.length))
                .isEqualTo(cWhole.getValue());
        assertThat(MultipartChecksums.combineCrc64Nvme(Crc64Nvme.of(a), Crc64Nvme.of(b),
                b.length)).isEqualTo(Crc64Nvme.of(concat(List.of(a, b))));
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void fullObjectChecksumOfParts(ChecksumAlgorithm algorithm) {
        Random random = new Random(3);
        List<byte[]> parts = new ArrayList<>();
        List<MultipartChecksums.Part> checksums = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byte[] part = new byte[i == 3 ? 0 : 1 + random.nextInt(200_000)];
            random.nextBytes(part);
            parts.add(part);
            checksums.add(new MultipartChecksums.Part(checksum(algorithm, part), part.length));
        }
        assertThat(MultipartChecksums.fullObject(algorithm, checksums))
                .isEqualTo(checksum(algorithm, concat(parts)));
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void compositeIsTheChecksumOfTheRawPartChecksumsWithThePartCount(ChecksumAlgorithm algorithm) {
        List<byte[]> partChecksums = List.of(checksum(algorithm, "part one".getBytes()),
                checksum(algorithm, "part two".getBytes()),
                checksum(algorithm, "part three".getBytes()));

        String composite = MultipartChecksums.composite(algorithm, partChecksums);

        assertThat(composite).isEqualTo(Base64.getEncoder().encodeToString(
                checksum(algorithm, concat(partChecksums))) + "-3");
    }

    @Test
    void shaCannotBeCombinedAndLengthsAreChecked() {
        assertThatThrownBy(() -> MultipartChecksums.combine(ChecksumAlgorithm.SHA256,
                new byte[32], new byte[32], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartChecksums.combine(ChecksumAlgorithm.CRC32,
                new byte[8], new byte[4], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartChecksums.composite(ChecksumAlgorithm.CRC32,
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] checksum(ChecksumAlgorithm algorithm, byte[] data) {
        ChecksumDigest digest = algorithm.newDigest();
        digest.update(data, 0, data.length);
        return digest.finish();
    }

    static byte[] concat(List<byte[]> arrays) {
        int length = arrays.stream().mapToInt(a -> a.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] a : arrays) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }
}
