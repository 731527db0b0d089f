package dev.s3aas.common.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The URI encoding of SigV4 ("UriEncode()", Signature Calculations for the Authorization
 * Header, Amazon S3 API Reference): every byte except the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX} with upper-case hex; '/' is kept in paths.
 *
 * <p>Canonical forms are computed by percent-decoding what was received to bytes and encoding
 * those bytes again, so a client's harmless encoding choices (an encoded '~', lower-case hex)
 * do not break its signature, and bytes that are not valid UTF-8 survive unchanged. A '%' not
 * followed by two hex digits is taken literally. Characters above U+007F that arrive unencoded
 * are taken as their UTF-8 bytes.
 */
final class UriEncoding {
    private static final boolean[] UNRESERVED = new boolean[128];
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['~'] = true;
    }

    private UriEncoding() {
    }

    static boolean isUnreserved(char c) {
        return c < 128 && UNRESERVED[c];
    }

    /** UriEncode() of a string's UTF-8 bytes ('/' kept when {@code keepSlash}). */
    static String encode(String s, boolean keepSlash) {
        int n = s.length();
        int i = 0;
        while (i < n && (isUnreserved(s.charAt(i)) || (keepSlash && s.charAt(i) == '/'))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(s, 0, i);
        byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
        appendEncoded(out, rest, rest.length, keepSlash);
        return out.toString();
    }

    /**
     * Appends the canonical form of {@code s[from, to)}: decoded, then UriEncode()d with '/'
     * encoded. In a query, '+' is a space (see {@link QueryParameters}); in a path it is a '+'.
     */
    static void appendCanonical(StringBuilder out, String s, int from, int to,
            boolean plusAsSpace) {
        int i = from;
        while (i < to && isUnreserved(s.charAt(i))) {
            i++;
        }
        if (i == to) {
            out.append(s, from, to);
            return;
        }
        byte[] bytes = new byte[(to - from) * 3];
        int n = decodeInto(s, from, to, plusAsSpace, bytes);
        appendEncoded(out, bytes, n, false);
    }

    /** Percent-decodes {@code s[from, to)} to a UTF-8 string. */
    static String decode(String s, int from, int to, boolean plusAsSpace) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' || (plusAsSpace && c == '+')) {
                break;
            }
            i++;
        }
        if (i == to) {
            return s.substring(from, to);
        }
        byte[] bytes = new byte[(to - from) * 3];
        int n = decodeInto(s, from, to, plusAsSpace, bytes);
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The canonical URI of a path. S3 ({@code normalize} false): the path decoded and re-encoded
     * once, '/' kept — also where the client sent it as {@code %2F}. Other services
     * ({@code normalize} true): each segment decoded and re-encoded, then RFC 3986 dot-segment
     * removal and empty-segment merging.
     */
    static String canonicalUri(String rawPath, boolean normalize) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        if (!normalize) {
            if (allUnreservedOrSlash(rawPath)) {
                return rawPath;
            }
            // S3: decode the whole path, then encode it once keeping '/', so an encoded slash counts as
            // a slash. The AWS SDK for Java v2 signs "a//b" but sends "a/%2Fb" (to stop HTTP stacks from
            // merging slashes); S3 accepts that, so must we.
            byte[] bytes = new byte[rawPath.length() * 3];
            int n = decodeInto(rawPath, 0, rawPath.length(), false, bytes);
            StringBuilder out = new StringBuilder(rawPath.length() + 16);
            appendEncoded(out, bytes, n, true);
            return out.toString();
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            StringBuilder segment = new StringBuilder(end - start + 8);
            appendCanonical(segment, rawPath, start, end, false);
            segments.add(segment.toString());
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return normalize ? normalized(segments) : String.join("/", segments);
    }

    private static String normalized(List<String> segments) {
        ArrayDeque<String> kept = new ArrayDeque<>();
        boolean trailingSlash = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            boolean dot = segment.isEmpty() || segment.equals(".");
            if (dot || segment.equals("..")) {
                if (!dot) {
                    kept.pollLast();
                }
                trailingSlash |= last;
                continue;
            }
            kept.add(segment);
        }
        StringBuilder out = new StringBuilder("/");
        out.append(String.join("/", kept));
        if (trailingSlash && !kept.isEmpty()) {
            out.append('/');
        }
        return out.toString();
    }

    private static boolean allUnreservedOrSlash(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '/' && !isUnreserved(c)) {
                return false;
            }
        }
        return true;
    }

    private static int decodeInto(String s, int from, int to, boolean plusAsSpace, byte[] out) {
        int n = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to
                    && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0) {
                out[n++] = (byte) ((hexValue(s.charAt(i + 1)) << 4) | hexValue(s.charAt(i + 2)));
                i += 3;
            } else if (c == '+' && plusAsSpace) {
                out[n++] = ' ';
                i++;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
                i++;
            } else {
                int j = i + 1;
                while (j < to && s.charAt(j) >= 0x80) {
                    j++;
                }
                byte[] utf8 = s.substring(i, j).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, out, n, utf8.length);
                n += utf8.length;
                i = j;
            }
        }
        return n;
    }

    private static void appendEncoded(StringBuilder out, byte[] bytes, int length,
            boolean keepSlash) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if ((b < 128 && UNRESERVED[b]) || (keepSlash && b == '/')) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX_UPPER[b >>> 4]).append(HEX_UPPER[b & 0xF]);
            }
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
