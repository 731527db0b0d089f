package dev.s3aas.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Parses an HTTP/1.1 response head (RFC 9112 sections 4 and 5) in place in the receive buffer, without
 * creating Strings for headers the client does not use. Header names are matched case-insensitively.
 */
final class ResponseHeadParser {
    private static final byte[] CONTENT_LENGTH = bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = bytes("transfer-encoding");
    private static final byte[] CONNECTION = bytes("connection");
    private static final byte[] ETAG = bytes("etag");

    private ResponseHeadParser() {}

    /** Parses bytes [start, end) of {@code b}, which end with the blank line. */
    static ResponseHead parse(ByteBuffer b, int start, int end, boolean wantEtag) throws IOException {
        int lineEnd = lineEnd(b, start, end);
        // "HTTP/1.1 200 OK": version, space, three digits
        if (lineEnd - start < 12 || !startsWith(b, start, "HTTP/1.") || b.get(start + 8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + text(b, start, Math.min(lineEnd, start + 80)));
        }
        boolean http10 = b.get(start + 7) == '0';
        int status = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int d = b.get(i) - '0';
            if (d < 0 || d > 9) {
                throw new IOException("bad status code in: " + text(b, start, lineEnd));
            }
            status = status * 10 + d;
        }
        long contentLength = -1;
        boolean chunked = false;
        boolean close = http10;
        String etag = null;
        int pos = lineEnd + 2;
        while (pos < end - 2) {
            int le = lineEnd(b, pos, end);
            int colon = indexOf(b, pos, le, (byte) ':');
            if (colon < 0) {
                throw new IOException("header line without a colon: " + text(b, pos, le));
            }
            int vs = colon + 1;
            while (vs < le && (b.get(vs) == ' ' || b.get(vs) == '\t')) {
                vs++;
            }
            int ve = le;
            while (ve > vs && (b.get(ve - 1) == ' ' || b.get(ve - 1) == '\t')) {
                ve--;
            }
            if (nameIs(b, pos, colon, CONTENT_LENGTH)) {
                contentLength = parseLength(b, vs, ve);
            } else if (nameIs(b, pos, colon, TRANSFER_ENCODING)) {
                chunked = containsIgnoreCase(b, vs, ve, "chunked");
            } else if (nameIs(b, pos, colon, CONNECTION)) {
                if (containsIgnoreCase(b, vs, ve, "close")) {
                    close = true;
                } else if (containsIgnoreCase(b, vs, ve, "keep-alive")) {
                    close = false;
                }
            } else if (wantEtag && nameIs(b, pos, colon, ETAG)) {
                etag = text(b, vs, ve);
            }
            pos = le + 2;
        }
        return new ResponseHead(status, chunked ? -1 : contentLength, chunked, close, etag);
    }

    private static int lineEnd(ByteBuffer b, int from, int end) throws IOException {
        for (int i = from; i + 1 < end; i++) {
            if (b.get(i) == '\r' && b.get(i + 1) == '\n') {
                return i;
            }
        }
        throw new IOException("response head line without CRLF");
    }

    private static int indexOf(ByteBuffer b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b.get(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nameIs(ByteBuffer b, int from, int to, byte[] lowerName) {
        if (to - from != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            if (lower(b.get(from + i)) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(ByteBuffer b, int from, int to, String lowerWord) {
        int n = lowerWord.length();
        outer:
        for (int i = from; i + n <= to; i++) {
            for (int j = 0; j < n; j++) {
                if (lower(b.get(i + j)) != lowerWord.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static long parseLength(ByteBuffer b, int from, int to) throws IOException {
        if (from == to) {
            throw new IOException("empty Content-Length");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b.get(i) - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                throw new IOException("bad Content-Length: " + text(b, from, to));
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean startsWith(ByteBuffer b, int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (b.get(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    private static String text(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
