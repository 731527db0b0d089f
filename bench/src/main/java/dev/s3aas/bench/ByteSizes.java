package dev.s3aas.bench;

import java.util.Locale;

/** Parses and prints object sizes in binary units ("4k" = 4 KiB, "64m" = 64 MiB). */
final class ByteSizes {
    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long GIB = 1024 * MIB;

    private ByteSizes() {}

    static long parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        switch (last) {
            case 'k' -> unit = KIB;
            case 'm' -> unit = MIB;
            case 'g' -> unit = GIB;
            default -> {
                return positive(Long.parseLong(s), text);
            }
        }
        return positive(Long.parseLong(s.substring(0, s.length() - 1).trim()) * unit, text);
    }

    private static long positive(long v, String text) {
        if (v < 1) {
            throw new IllegalArgumentException("size must be positive: " + text);
        }
        return v;
    }

    /** "4 KiB", "1 MiB", "64 MiB", "100 B". */
    static String format(long bytes) {
        if (bytes % GIB == 0) {
            return bytes / GIB + " GiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + " B";
    }

    /** "4k", "1m", "64m", "100". */
    static String shortName(long bytes) {
        if (bytes % GIB == 0) {
            return bytes / GIB + "g";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + "m";
        }
        if (bytes % KIB == 0) {
            return bytes / KIB + "k";
        }
        return Long.toString(bytes);
    }
}
