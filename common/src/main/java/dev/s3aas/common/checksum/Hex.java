package dev.s3aas.common.checksum;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lower-case hexadecimal, the form SigV4 signatures, payload hashes and ETags are written in.
 *
 * <p>Encoding goes through a 512-byte table (one lookup per input byte) and builds the result as
 * Latin-1 bytes so the JDK's compact strings copy it once: this runs several times per request.
 */
public final class Hex {
    private static final byte[] PAIRS = new byte[512];
    private static final byte[] NIBBLE = new byte[128];

    static {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (int b = 0; b < 256; b++) {
            PAIRS[2 * b] = digits[b >>> 4];
            PAIRS[2 * b + 1] = digits[b & 0xF];
        }
        Arrays.fill(NIBBLE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            NIBBLE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            NIBBLE['a' + i] = (byte) (10 + i);
            NIBBLE['A' + i] = (byte) (10 + i);
        }
    }

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    public static String encode(byte[] bytes, int offset, int length) {
        byte[] out = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = PAIRS[2 * b];
            out[2 * i + 1] = PAIRS[2 * b + 1];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Appends the lower-case hex form of {@code bytes} without an intermediate string. */
    public static void appendTo(StringBuilder out, byte[] bytes) {
        for (byte value : bytes) {
            int b = value & 0xFF;
            out.append((char) PAIRS[2 * b]).append((char) PAIRS[2 * b + 1]);
        }
    }

    /** Decodes hex in either case; throws {@link IllegalArgumentException} when it is not hex. */
    public static byte[] decode(CharSequence hex) {
        byte[] out = decode(hex, false);
        if (out == null) {
            throw new IllegalArgumentException("not a hexadecimal string");
        }
        return out;
    }

    /**
     * Decodes lower-case hex only, returning null for anything else. Signatures are compared in
     * this form: accepting upper case would let two different strings carry the same signature.
     */
    public static byte[] decodeLowerCase(CharSequence hex) {
        return decode(hex, true);
    }

    /** True when {@code s} is exactly {@code length} lower-case hex digits. */
    public static boolean isLowerHex(CharSequence s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} is exactly {@code length} hex digits of either case. */
    public static boolean isHex(CharSequence s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (nibble(s.charAt(i), false) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] decode(CharSequence hex, boolean lowerOnly) {
        int n = hex.length();
        if ((n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = nibble(hex.charAt(i), lowerOnly);
            int lo = nibble(hex.charAt(i + 1), lowerOnly);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i / 2] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int nibble(char c, boolean lowerOnly) {
        if (c >= 128 || (lowerOnly && c >= 'A' && c <= 'F')) {
            return -1;
        }
        return NIBBLE[c];
    }
}
