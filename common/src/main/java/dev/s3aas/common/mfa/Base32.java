package dev.s3aas.common.mfa;

/**
 * RFC 4648 base32 (alphabet A–Z, 2–7), the encoding of TOTP secrets in authenticator apps and
 * {@code otpauth://} URIs. Hand-written because this module has no codec library (commons-codec reaches
 * the build only through test-scoped SDKs, BouncyCastle's encoder only the node and control plane), and
 * the whole codec is a bit-buffer loop.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    /** Unpadded upper-case base32 of {@code bytes}. */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    /**
     * Decodes base32, case-insensitively, ignoring spaces and trailing {@code =} padding (apps show secrets in
     * groups of four, lower case). Throws {@link IllegalArgumentException} on any other character.
     */
    public static byte[] decode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        String s = text.replace(" ", "").replaceAll("=+$", "").toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not base32: character " + (i + 1));
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
