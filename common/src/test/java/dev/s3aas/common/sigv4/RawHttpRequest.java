package dev.s3aas.common.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A raw HTTP/1.1 request as written in the test vectors: request line, headers (folded
 * continuation lines and repeated names allowed), blank line, body. Lines may end in LF or CRLF.
 */
record RawHttpRequest(String method, String rawPath, String rawQuery,
        List<Map.Entry<String, String>> headers, byte[] body) {

    RawHttpRequest {
        headers = List.copyOf(headers);
    }

    static RawHttpRequest parse(byte[] bytes) {
        int headEnd = indexOf(bytes, "\r\n\r\n");
        int bodyStart = headEnd + 4;
        int lf = indexOf(bytes, "\n\n");
        if (headEnd < 0 || (lf >= 0 && lf < headEnd)) {
            headEnd = lf < 0 ? bytes.length : lf;
            bodyStart = lf < 0 ? bytes.length : lf + 2;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.UTF_8).replace("\r\n", "\n");
        byte[] body = Arrays.copyOfRange(bytes, Math.min(bodyStart, bytes.length), bytes.length);
        String[] lines = head.split("\n", -1);
        String requestLine = lines[0];
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        String method = requestLine.substring(0, firstSpace);
        // The target may contain raw spaces (get-space-*): it runs up to " HTTP/1.1".
        String target = requestLine.substring(firstSpace + 1, lastSpace);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                // obs-fold: replaced by a single space (RFC 9112 section 5.2).
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
        }
        return new RawHttpRequest(method, path, query, headers, body);
    }

    RequestView view() {
        return RequestView.of(method, rawPath, rawQuery, headers);
    }

    RawHttpRequest withMethod(String value) {
        return new RawHttpRequest(value, rawPath, rawQuery, headers, body);
    }

    RawHttpRequest withPath(String value) {
        return new RawHttpRequest(method, value, rawQuery, headers, body);
    }

    RawHttpRequest withQuery(String value) {
        return new RawHttpRequest(method, rawPath, value, headers, body);
    }

    RawHttpRequest withBody(byte[] value) {
        return new RawHttpRequest(method, rawPath, rawQuery, headers, value);
    }

    /** The same request with the header at {@code index} (in received order) given a value. */
    RawHttpRequest withHeaderAt(int index, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.set(index, Map.entry(copy.get(index).getKey(), value));
        return new RawHttpRequest(method, rawPath, rawQuery, copy, body);
    }

    /** Indexes of the headers with this name, case-insensitively. */
    List<Integer> headerIndexes(String name) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getKey().equalsIgnoreCase(name)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    String header(String name) {
        List<Integer> indexes = headerIndexes(name);
        return indexes.isEmpty() ? null : headers.get(indexes.get(0)).getValue();
    }

    private static int indexOf(byte[] bytes, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + m.length <= bytes.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (bytes[i + j] != m[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
