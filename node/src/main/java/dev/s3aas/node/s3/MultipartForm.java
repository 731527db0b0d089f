package dev.s3aas.node.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A streaming reader of a {@code multipart/form-data} body (RFC 7578), for browser-based uploads: fields are
 * read one after the other, and the file field's content is an InputStream that ends at the next boundary,
 * so an upload of any size passes through a fixed 64 KiB buffer. Hand-written because Jetty's parser
 * collects whole parts (in memory or temporary files) before handing them over.
 */
final class MultipartForm {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    /** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. Also keeps the delimiter far below the buffer size. */
    private static final int MAX_BOUNDARY = 70;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int start;
    private int end;
    private boolean finished;
    private PartStream current;

    /** One part: its field name, the file name if it is a file, its content type, and its content. */
    record Part(String name, String filename, String contentType, InputStream body) {}

    /** @param boundary from {@link #boundary}; null, empty or over 70 characters makes {@link #next} fail */
    MultipartForm(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY ? null
                : ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The boundary of a {@code multipart/form-data} Content-Type, or null if it is not one. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9);
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /** The next part, or null after the closing boundary. An unread previous part is skipped. */
    Part next() throws IOException, S3Exception {
        if (delimiter == null) {
            throw malformed();
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skip(Long.MAX_VALUE);
            while (current.read() != -1) {
                current.skip(Long.MAX_VALUE);
            }
        }
        if (finished) {
            return null;
        }
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw malformed();
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
                filename = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw malformed();
        }
        current = new PartStream();
        return new Part(name, filename, contentType, current);
    }

    /** Everything up to the first boundary line is ignored (RFC 2046 preamble). */
    private void skipPreamble() throws IOException, S3Exception {
        byte[] first = java.util.Arrays.copyOfRange(delimiter, 2, delimiter.length);
        int at = find(first, 0);
        while (at < 0) {
            if (end - start >= first.length) {
                start = end - first.length + 1;
            }
            if (!fill()) {
                throw malformed();
            }
            at = find(first, 0);
        }
        start = at + first.length;
        afterDelimiter();
    }

    /** After a delimiter: "--" ends the body, CRLF starts another part. */
    private void afterDelimiter() throws IOException, S3Exception {
        while (end - start < 2) {
            if (!fill()) {
                throw malformed();
            }
        }
        if (buf[start] == '-' && buf[start + 1] == '-') {
            finished = true;
            return;
        }
        String rest = line();
        if (!rest.isBlank()) {
            throw malformed();
        }
    }

    private String line() throws IOException, S3Exception {
        while (true) {
            for (int i = start; i + 1 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    String l = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 2;
                    return l;
                }
            }
            if (end - start > MAX_HEADER_LINE || !fill()) {
                throw malformed();
            }
        }
    }

    /** Reads more into the buffer (compacting it first); false at EOF. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            return true;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    private int find(byte[] pattern, int from) {
        outer:
        for (int i = start + from; i + pattern.length <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buf[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String parameter(String value, String name) {
        for (String p : value.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = t.substring(eq + 1).trim();
                return v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static S3Exception malformed() {
        return new S3Exception(S3ErrorCode.MalformedPOSTRequest);
    }

    /** A part's content: ends where the next delimiter starts. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            while (true) {
                int at = find(delimiter, 0);
                int safe = at >= 0 ? at - start : Math.max(0, end - start - delimiter.length + 1);
                if (safe > 0) {
                    int n = Math.min(safe, len);
                    System.arraycopy(buf, start, b, off, n);
                    start += n;
                    return n;
                }
                if (at >= 0) {
                    start = at + delimiter.length;
                    done = true;
                    try {
                        afterDelimiter();
                    } catch (S3Exception e) {
                        throw new MalformedBody("malformed multipart body");
                    }
                    return -1;
                }
                if (!fill()) {
                    throw new MalformedBody("The multipart body ended inside the file part.");
                }
            }
        }
    }

    /** The form broke off or went wrong while the file part was being streamed: the client's fault. */
    static final class MalformedBody extends IOException {
        MalformedBody(String message) {
            super(message);
        }
    }
}
