package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.checksum.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Signs the chunks of a {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]} upload, each
 * signature chained from the previous one, starting at the request's (seed) signature. Uses the
 * same string-to-sign code as the decoder. Not thread-safe: one per upload.
 */
public final class ChunkSigner {
    private static final byte[] CRLF = {'\r', '\n'};

    private final SigningKey key;
    private final String timestamp;
    private final String scope;
    private String previous;

    ChunkSigner(SigningKey key, String timestamp, String scope, String seedSignature) {
        this.key = key;
        this.timestamp = timestamp;
        this.scope = scope;
        this.previous = seedSignature;
    }

    /** The last signature produced (the seed before any chunk). */
    public String previousSignature() {
        return previous;
    }

    /** Signs the next chunk's data (an empty chunk is the final one). */
    public String signChunk(byte[] data, int offset, int length) {
        var digest = Digests.sha256();
        digest.update(data, offset, length);
        previous = key.signHex(Canonical.chunkStringToSign(timestamp, scope, previous,
                Hex.encode(digest.digest())));
        return previous;
    }

    /** Signs the trailer block given as {@code name:value\n} lines, after the final chunk. */
    public String signTrailer(String trailerLines) {
        String sha = Digests.sha256Hex(trailerLines.getBytes(StandardCharsets.ISO_8859_1));
        previous = key.signHex(Canonical.trailerStringToSign(timestamp, scope, previous, sha));
        return previous;
    }

    /** {@code hex-size;chunk-signature=sig\r\n data \r\n}, signing the chunk. */
    public byte[] frameChunk(byte[] data, int offset, int length) {
        String signature = signChunk(data, offset, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 90);
        out.writeBytes(header(length, signature));
        out.write(data, offset, length);
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    /** The final zero-length chunk and, for the trailer variant, the signed trailers. */
    public byte[] frameFinalChunk(Map<String, String> trailers) {
        String signature = signChunk(new byte[0], 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(header(0, signature));
        if (!trailers.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            trailers.forEach((name, value) -> lines.append(name).append(':').append(value)
                    .append('\n'));
            String trailerSignature = signTrailer(lines.toString());
            String wire = lines.toString().replace("\n", "\r\n")
                    + "x-amz-trailer-signature:" + trailerSignature + "\r\n";
            out.writeBytes(wire.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    /** The Content-Length of a signed aws-chunked body without trailers. */
    public static long encodedLength(long dataLength, int chunkSize) {
        if (dataLength < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("negative length or non-positive chunk size");
        }
        long full = dataLength / chunkSize;
        int last = (int) (dataLength % chunkSize);
        long length = full * frameOverhead(chunkSize) + dataLength + frameOverhead(0);
        return last == 0 ? length : length + frameOverhead(last);
    }

    private static long frameOverhead(int size) {
        return Integer.toHexString(size).length() + ";chunk-signature=".length() + 64 + 4;
    }

    private static byte[] header(int size, String signature) {
        return (Integer.toHexString(size) + ";chunk-signature=" + signature + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
