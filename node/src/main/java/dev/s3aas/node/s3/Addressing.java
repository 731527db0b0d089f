package dev.s3aas.node.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Finds bucket and key in a request, for both addressing styles S3 supports: virtual-hosted
 * ({@code Host: bucket.<domain>}, for each configured domain) and path-style ({@code /bucket/key}).
 * The key is everything after the bucket's slash, percent-decoded once and otherwise untouched
 * (no dot-segment removal, no slash merging: "a//b/../c" is a valid key).
 */
final class Addressing {
    private final List<String> domains;

    /** What a request addresses; bucket and key may be null. {@code virtualHost} tells SigV2 how to sign. */
    record Target(String bucket, String key, boolean virtualHost) {}

    Addressing(List<String> domains) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    Target resolve(String host, String rawPath) throws S3Exception {
        String vhostBucket = virtualHostBucket(host);
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.charAt(0) != '/') {
            throw new S3Exception(S3ErrorCode.InvalidURI);
        }
        if (vhostBucket != null) {
            String key = path.length() > 1 ? decodePath(path.substring(1)) : null;
            return new Target(vhostBucket, key, true);
        }
        int slash = path.indexOf('/', 1);
        String bucketPart = slash < 0 ? path.substring(1) : path.substring(1, slash);
        if (bucketPart.isEmpty()) {
            return new Target(null, null, false);
        }
        String bucket = decodePath(bucketPart);
        String key = slash < 0 || slash == path.length() - 1 ? null : decodePath(path.substring(slash + 1));
        return new Target(bucket, key, false);
    }

    private String virtualHostBucket(String host) {
        if (host == null || domains.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        for (String d : domains) {
            if (h.length() > d.length() + 1 && h.endsWith(d) && h.charAt(h.length() - d.length() - 1) == '.') {
                return h.substring(0, h.length() - d.length() - 1);
            }
        }
        return null;
    }

    /** Percent-decodes a path part as strict UTF-8 ('+' is a plus); malformed escapes or bytes are InvalidURI. */
    static String decodePath(String s) throws S3Exception {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new S3Exception(S3ErrorCode.InvalidURI);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new S3Exception(S3ErrorCode.InvalidURI);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new S3Exception(S3ErrorCode.InvalidURI);
        }
    }
}
