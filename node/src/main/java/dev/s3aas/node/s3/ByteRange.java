package dev.s3aas.node.s3;

/**
 * A satisfiable single byte range of an object (RFC 9110 §14.1.2): {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}. Like S3, a syntactically invalid or multi-range header is ignored (the whole object is
 * served), while a valid range that starts beyond the end is unsatisfiable (416).
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
        try {
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    throw unsatisfiable();
                }
                return new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
            if (first < 0 || (!b.isEmpty() && last < first)) {
                return null;
            }
            if (first >= size) {
                throw unsatisfiable();
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static S3Exception unsatisfiable() {
        return new S3Exception(S3ErrorCode.InvalidRange);
    }
}
