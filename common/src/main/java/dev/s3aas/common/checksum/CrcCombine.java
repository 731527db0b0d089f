package dev.s3aas.common.checksum;

/**
 * Arithmetic in GF(2)[x] modulo a reflected CRC polynomial, to combine CRCs without the data
 * (the method of zlib's {@code crc32_combine}).
 *
 * <p>For a CRC whose initial value equals its final XOR (all ones for the three S3 CRCs),
 * {@code crc(A || B) = crc(A) * x^(8 * len(B)) + crc(B)}: the conditioning terms cancel. In the
 * reflected representation the most significant bit of the register is the x^0 coefficient.
 */
final class CrcCombine {
    static final CrcCombine CRC32 = new CrcCombine(0xEDB88320L, 32);
    static final CrcCombine CRC32C = new CrcCombine(0x82F63B78L, 32);
    static final CrcCombine CRC64NVME = new CrcCombine(Crc64Nvme.POLYNOMIAL, 64);

    private final long polynomial;
    private final long one;
    /** powers[k] = x^(2^k) mod P, enough for any 64-bit bit count. */
    private final long[] powers = new long[67];

    private CrcCombine(long polynomial, int width) {
        this.polynomial = polynomial;
        this.one = 1L << (width - 1);
        powers[0] = one >>> 1;
        for (int k = 1; k < powers.length; k++) {
            powers[k] = multiply(powers[k - 1], powers[k - 1]);
        }
    }

    /** The CRC of the concatenation A || B from crc(A), crc(B) and the length of B in bytes. */
    long combine(long crcA, long crcB, long lengthB) {
        if (lengthB < 0) {
            throw new IllegalArgumentException("negative length");
        }
        return multiply(xPowEightN(lengthB), crcA) ^ crcB;
    }

    /** x^(8n) mod P by square-and-multiply over the precomputed powers x^(2^k). */
    private long xPowEightN(long n) {
        long result = one;
        int k = 3;
        while (n != 0) {
            if ((n & 1) != 0) {
                result = multiply(powers[k], result);
            }
            n >>>= 1;
            k++;
        }
        return result;
    }

    /** a * b mod P, both reflected. */
    private long multiply(long a, long b) {
        long product = 0;
        for (long m = one; m != 0; m >>>= 1) {
            if ((a & m) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ polynomial : b >>> 1;
        }
        return product;
    }
}
