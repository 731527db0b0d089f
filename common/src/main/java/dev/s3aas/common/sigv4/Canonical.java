package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.checksum.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SigV4 canonical request and strings to sign ("Create a canonical request for Signature
 * Version 4", AWS General Reference; "Signature Calculations for the Authorization Header",
 * Amazon S3 API Reference). The one implementation shared by the verifier and the signers.
 */
final class Canonical {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";

    private Canonical() {
    }

    /**
     * The canonical query: every parameter except {@code excluded} (the signature, in query
     * authentication) decoded and re-encoded, sorted by encoded name then value, {@code name=}
     * when the value is empty, joined by '&'.
     */
    static String query(QueryParameters parameters, Set<String> excluded) {
        List<QueryParameters.Parameter> all = parameters.all();
        if (all.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>(all.size());
        for (QueryParameters.Parameter p : all) {
            if (excluded.contains(p.name())) {
                continue;
            }
            pairs.add(new String[] {canonical(p.rawName()), canonical(p.rawValue())});
        }
        pairs.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder(parameters.all().size() * 32);
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    private static String canonical(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        UriEncoding.appendCanonical(out, raw, 0, raw.length(), true);
        return out.toString();
    }

    /**
     * The canonical request. {@code signedHeaders} are the lower-case names in the order of
     * {@code signedHeadersLine} (as the client sent it: the signature covers the line itself).
     */
    static String request(String method, String canonicalUri, String canonicalQuery,
            RequestView headers, List<String> signedHeaders, String signedHeadersLine,
            String payloadHash) {
        StringBuilder out = new StringBuilder(256 + canonicalUri.length() + canonicalQuery.length());
        out.append(method).append('\n')
                .append(canonicalUri).append('\n')
                .append(canonicalQuery).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':');
            List<String> values = headers.headerValues(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(out, values.get(i));
            }
            out.append('\n');
        }
        return out.append('\n')
                .append(signedHeadersLine).append('\n')
                .append(payloadHash)
                .toString();
    }

    /**
     * A header value with leading and trailing whitespace removed and inner runs collapsed to
     * one space (AWS "Trim()"; SDKs collapse spaces, we also treat tab and the CR/LF of folded
     * lines as whitespace, which only matters for requests no SDK produces).
     */
    static void appendTrimmed(StringBuilder out, String value) {
        boolean pendingSpace = false;
        boolean wrote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pendingSpace = wrote;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            wrote = true;
        }
    }

    /** Splits {@code a;b;c}; null when empty or with an empty name. */
    static List<String> signedHeaders(String line) {
        if (line == null || line.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(8);
        int start = 0;
        while (true) {
            int semi = line.indexOf(';', start);
            int end = semi < 0 ? line.length() : semi;
            if (end == start) {
                return null;
            }
            names.add(line.substring(start, end));
            if (semi < 0) {
                return names;
            }
            start = semi + 1;
        }
    }

    static String scope(String date, String region, String service) {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    static String stringToSign(String timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + timestamp + '\n' + scope + '\n'
                + Hex.encode(Digests.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** String to sign of one aws-chunked chunk, given the hex SHA-256 of its data. */
    static String chunkStringToSign(String timestamp, String scope, String previousSignature,
            String chunkSha256Hex) {
        return CHUNK_ALGORITHM + '\n' + timestamp + '\n' + scope + '\n' + previousSignature + '\n'
                + Digests.EMPTY_SHA256_HEX + '\n' + chunkSha256Hex;
    }

    /**
     * String to sign of the trailer chunk ("Signature calculations for trailing headers", Amazon
     * S3 API Reference), given the hex SHA-256 of the trailer lines each ending in '\n'.
     */
    static String trailerStringToSign(String timestamp, String scope, String previousSignature,
            String trailerSha256Hex) {
        return TRAILER_ALGORITHM + '\n' + timestamp + '\n' + scope + '\n' + previousSignature
                + '\n' + trailerSha256Hex;
    }
}
