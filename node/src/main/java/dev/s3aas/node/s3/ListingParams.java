package dev.s3aas.node.s3;

import java.nio.charset.StandardCharsets;

/** Query parameters shared by ListObjects v1 and v2, validated like S3 does. */
record ListingParams(String prefix, String delimiter, int maxKeys, boolean urlEncoding) {
    static final int DEFAULT_MAX_KEYS = 1000;

    static ListingParams from(QueryParams q) throws S3Exception {
        String encoding = q.get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request");
        }
        return new ListingParams(nullToEmpty(q.get("prefix")), q.get("delimiter"), maxKeys(q.get("max-keys")),
                encoding != null);
    }

    static int maxKeys(String v) throws S3Exception {
        if (v == null) {
            return DEFAULT_MAX_KEYS;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return (int) Math.min(n, DEFAULT_MAX_KEYS);
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Provided max-keys not an integer or within integer range");
        }
    }

    /** The value as it must appear in the response: URL-encoded when encoding-type=url was asked for. */
    String out(String value) {
        return value == null || !urlEncoding ? value : urlEncode(value);
    }

    /**
     * Percent-encodes everything but unreserved characters and '/', so keys with control characters or '+'
     * survive XML and the clients' URL decoding.
     */
    static String urlEncode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
