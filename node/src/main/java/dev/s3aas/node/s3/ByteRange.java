package dev.s3aas.node.s3;

/**
 * A satisfiable single byte range of an object (RFC 9110 §14.1.2): {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}. Like S3, a syntactically invalid or multi-range header is ignored (the whole object is
 * served), while a valid range that starts beyond the end is unsatisfiable (416). Positions are digits only
 * (RFC 9110's {@code 1*DIGIT}: no sign, so {@code bytes=+5-} is invalid, not {@code bytes=5-}); a last position
 * too large for a long is still "to the end".
 */
record ByteRange(long first, long last) {
    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Null means "serve the whole object". */
    static ByteRange parse(String header, long size) throws S3Exception {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        if (!(a.isEmpty() || digits(a)) || !(b.isEmpty() || digits(b)) || (a.isEmpty() && b.isEmpty())) {
            return null;
        }
        if (a.isEmpty()) {
            long n = parseOrMax(b);
            if (n <= 0 || size == 0) {
                throw unsatisfiable();
            }
            return new ByteRange(Math.max(0, size - n), size - 1);
        }
        long first = parseOrMax(a);
        long last = b.isEmpty() ? size - 1 : parseOrMax(b);
        if (!b.isEmpty() && last < first) {
            return null;
        }
        if (first >= size) {
            throw unsatisfiable();
        }
        return new ByteRange(first, Math.min(last, size - 1));
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Digits as a long; more than a long holds means "beyond any object". */
    private static long parseOrMax(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private static S3Exception unsatisfiable() {
        return new S3Exception(S3ErrorCode.InvalidRange);
    }
}
