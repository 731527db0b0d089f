package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.checksum.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes an {@code aws-chunked} body ("Transferring Payload in Multiple Chunks" and
 * "Signature calculations for trailing headers", Amazon S3 API Reference):
 * <pre>
 *   hex-size[;chunk-signature=sig]\r\n data \r\n ... 0[;chunk-signature=sig]\r\n
 *   [trailer-name:value\r\n ... [x-amz-trailer-signature:sig\r\n]] \r\n
 * </pre>
 * Each chunk signature signs the chunk's SHA-256 chained from the previous signature (the seed
 * signature for the first); the trailer signature chains from the final chunk's.
 *
 * <p>Data flows to the caller as it arrives (read straight into the caller's array when nothing
 * is buffered) and is hashed on the way; a chunk's signature is checked when its data ends, and
 * end of stream is reported only after the final chunk, the trailers and the decoded length all
 * checked out. Memory is bounded by one 8 KiB buffer: lines longer than {@value #MAX_LINE} bytes
 * and chunk sizes beyond the declared decoded length are rejected instead of buffered.
 */
final class AwsChunkedStream extends PayloadInputStream {
    static final int MAX_LINE = 4096;
    private static final int MAX_TRAILER_LINES = 64;
    private static final String SIGNATURE_EXTENSION = ";chunk-signature=";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private enum State { HEADER, DATA, DONE }

    private final ChunkSigningContext signing;
    private final boolean trailersAllowed;
    private final Set<String> declaredTrailers;
    private final long decodedLength;
    private final MessageDigest chunkDigest;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private State state = State.HEADER;
    private long decoded;
    private long chunkRemaining;
    private String chunkSignature;
    private String previousSignature;
    private Map<String, String> trailers = Map.of();

    /**
     * @param signing the chunk signing context, null for unsigned chunks
     * @param declaredTrailers lower-case names from x-amz-trailer, null when not declared
     */
    AwsChunkedStream(InputStream raw, ChunkSigningContext signing, boolean trailersAllowed,
            Set<String> declaredTrailers, long decodedLength) {
        super(raw);
        this.signing = signing;
        this.trailersAllowed = trailersAllowed;
        this.declaredTrailers = declaredTrailers;
        this.decodedLength = decodedLength;
        this.chunkDigest = signing == null ? null : Digests.sha256();
        this.previousSignature = signing == null ? null : signing.seedSignature();
    }

    @Override
    Map<String, String> receivedTrailers() {
        return trailers;
    }

    @Override
    int readDecoded(byte[] b, int off, int len) throws IOException {
        while (true) {
            switch (state) {
                case DONE -> {
                    return -1;
                }
                case HEADER -> readChunkHeader();
                case DATA -> {
                    if (chunkRemaining == 0) {
                        expectCrlf();
                        verifyChunk();
                        state = State.HEADER;
                        continue;
                    }
                    int n = readData(b, off, (int) Math.min(len, chunkRemaining));
                    if (n > 0) {
                        return n;
                    }
                }
            }
        }
    }

    private int readData(byte[] b, int off, int want) throws IOException {
        int n;
        if (pos < limit) {
            n = Math.min(want, limit - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
        } else {
            n = raw().read(b, off, want);
            if (n < 0) {
                throw incomplete();
            }
        }
        if (chunkDigest != null) {
            chunkDigest.update(b, off, n);
        }
        chunkRemaining -= n;
        decoded += n;
        return n;
    }

    /** Parses {@code hex-size[;chunk-signature=sig]}; a zero size ends the data. */
    private void readChunkHeader() throws IOException {
        String line = readLine();
        int i = 0;
        long size = 0;
        while (i < line.length() && hexValue(line.charAt(i)) >= 0) {
            if (i == 16) {
                throw invalid("chunk size has more than 16 hex digits");
            }
            size = (size << 4) | hexValue(line.charAt(i));
            i++;
        }
        if (i == 0) {
            throw invalid("chunk size is not hexadecimal");
        }
        String extension = line.substring(i);
        if (signing != null) {
            if (!extension.startsWith(SIGNATURE_EXTENSION)
                    || !Hex.isLowerHex(extension.substring(SIGNATURE_EXTENSION.length()), 64)) {
                throw invalid("chunk header must end with ;chunk-signature=<64 hex digits>");
            }
            chunkSignature = extension.substring(SIGNATURE_EXTENSION.length());
        } else if (!extension.isEmpty() && extension.charAt(0) != ';') {
            throw invalid("malformed chunk header");
        }
        if (size < 0 || size > decodedLength - decoded) {
            throw invalid("chunk of " + Long.toUnsignedString(size) + " bytes exceeds the"
                    + " x-amz-decoded-content-length of " + decodedLength);
        }
        chunkRemaining = size;
        if (size > 0) {
            state = State.DATA;
            return;
        }
        verifyChunk();
        if (decoded != decodedLength) {
            throw incomplete();
        }
        readTrailers();
        state = State.DONE;
    }

    private void verifyChunk() throws PayloadException {
        if (signing == null) {
            return;
        }
        String sha = Hex.encode(chunkDigest.digest());
        String stringToSign = Canonical.chunkStringToSign(signing.timestamp(), signing.scope(),
                previousSignature, sha);
        checkSignature(stringToSign, chunkSignature, "chunk");
        previousSignature = chunkSignature;
    }

    private void checkSignature(String stringToSign, String provided, String what)
            throws PayloadException {
        byte[] expected = signing.signingKey().sign(stringToSign.getBytes(StandardCharsets.UTF_8));
        byte[] actual = Hex.decodeLowerCase(provided);
        if (actual == null || !MessageDigest.isEqual(expected, actual)) {
            throw new PayloadException(AuthError.SignatureDoesNotMatch, "The " + what
                    + " signature we calculated does not match the signature you provided.");
        }
    }

    /**
     * Reads trailer lines up to the empty line. The signed trailer variant hashes each line as
     * received plus '\n' (every byte counts), and ends with x-amz-trailer-signature.
     */
    private void readTrailers() throws IOException {
        Map<String, String> received = new LinkedHashMap<>();
        StringBuilder signed = new StringBuilder();
        String trailerSignature = null;
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                break;
            }
            if (!trailersAllowed || count == MAX_TRAILER_LINES || trailerSignature != null) {
                throw malformedTrailer("unexpected trailer line");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformedTrailer("trailer line without a name");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (signing != null && name.equals(TRAILER_SIGNATURE)) {
                trailerSignature = value;
            } else if (received.putIfAbsent(name, value) != null) {
                throw malformedTrailer("repeated trailer " + name);
            } else {
                signed.append(line).append('\n');
            }
        }
        if (signing != null && trailersAllowed) {
            if (trailerSignature == null) {
                throw malformedTrailer("missing x-amz-trailer-signature");
            }
            String sha = Hex.encode(Digests.sha256(
                    signed.toString().getBytes(StandardCharsets.ISO_8859_1)));
            checkSignature(Canonical.trailerStringToSign(signing.timestamp(), signing.scope(),
                    previousSignature, sha), trailerSignature, "trailer");
        }
        if (declaredTrailers != null && !declaredTrailers.equals(received.keySet())) {
            throw malformedTrailer("trailers " + received.keySet()
                    + " do not match x-amz-trailer " + declaredTrailers);
        }
        expectEnd();
        trailers = Map.copyOf(received);
    }

    private void expectEnd() throws IOException {
        if (pos < limit || raw().read() >= 0) {
            throw invalid("data after the end of the aws-chunked body");
        }
    }

    /** A CRLF-terminated line without its CRLF, at most {@value #MAX_LINE} bytes. */
    private String readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    if (i == pos || buffer[i - 1] != '\r') {
                        throw invalid("line not terminated by CRLF");
                    }
                    String line = new String(buffer, pos, i - 1 - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            scanned = limit - pos;
            if (scanned > MAX_LINE) {
                throw invalid("line longer than " + MAX_LINE + " bytes");
            }
            fill();
        }
    }

    private void expectCrlf() throws IOException {
        while (limit - pos < 2) {
            fill();
        }
        if (buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
            throw invalid("chunk data not followed by CRLF");
        }
        pos += 2;
    }

    /** Compacts the buffer and reads more; end of input here means a truncated body. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = raw().read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw incomplete();
        }
        limit += n;
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

    private PayloadException incomplete() {
        return new PayloadException(AuthError.IncompleteBody, "The aws-chunked body ended after "
                + decoded + " of the " + decodedLength + " bytes of x-amz-decoded-content-length.");
    }

    private static PayloadException invalid(String message) {
        return new PayloadException(AuthError.InvalidRequest, "Malformed aws-chunked body: "
                + message);
    }

    private static PayloadException malformedTrailer(String message) {
        return new PayloadException(AuthError.MalformedTrailerError,
                AuthError.MalformedTrailerError.defaultMessage() + " (" + message + ")");
    }
}
