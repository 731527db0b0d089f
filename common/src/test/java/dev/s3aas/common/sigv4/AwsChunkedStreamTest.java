package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** aws-chunked decoding: read boundaries, truncation, framing errors, trailers. */
class AwsChunkedStreamTest {
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    static final SigningCredentials CREDENTIALS = new SigningCredentials("AKIDTEST", "s3cr3t");
    static final SigV4Signer SIGNER = new SigV4Signer(CREDENTIALS, "eu-west-3", "s3");
    static final SigV4Verifier VERIFIER = new SigV4Verifier(
            key -> key.equals("AKIDTEST") ? Optional.of("s3cr3t") : Optional.empty(),
            FixedClock.at(NOW));
    static final byte[] DATA = data(200_000);
    static final int CHUNK = 65_536;

    /** A signed request head declaring {@code mode}, and its verification result. */
    record Upload(RequestView request, AuthResult auth, String seed) {
        PayloadInputStream decode(InputStream body) {
            return PayloadStreams.decode(auth, request, body);
        }
    }

    static Upload upload(PayloadMode mode, long decodedLength, String trailer) throws Exception {
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(
                Map.entry("Host", "bucket.s3.example.com"),
                Map.entry("Content-Encoding", "aws-chunked"),
                Map.entry("x-amz-decoded-content-length", Long.toString(decodedLength))));
        if (trailer != null) {
            headers.add(Map.entry("x-amz-trailer", trailer));
        }
        RequestView unsigned = RequestView.of("PUT", "/key", null, headers);
        SigV4Signer.SignedRequest signed = SIGNER.sign(unsigned, mode.headerValue(), NOW);
        headers.addAll(signed.headersToAdd().entrySet());
        RequestView request = RequestView.of("PUT", "/key", null, headers);
        return new Upload(request, VERIFIER.verify(request), signed.signature());
    }

    /** A body of signed chunks of {@code chunkSize} (then the final chunk and trailers). */
    static byte[] signedBody(Upload upload, byte[] data, int chunkSize,
            Map<String, String> trailers) {
        ChunkSigner signer = SIGNER.chunkSigner(NOW, upload.seed());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < data.length; at += chunkSize) {
            out.writeBytes(signer.frameChunk(data, at, Math.min(chunkSize, data.length - at)));
        }
        out.writeBytes(signer.frameFinalChunk(trailers));
        return out.toByteArray();
    }

    static byte[] unsignedBody(byte[] data, int chunkSize, String trailerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < data.length; at += chunkSize) {
            int n = Math.min(chunkSize, data.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0\r\n" + trailerLines + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Reads with random buffer sizes from 1 to 9000 bytes, and single-byte reads. */
    static byte[] drain(PayloadInputStream in, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[9000];
        while (true) {
            if (random.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
                continue;
            }
            int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, n);
        }
    }

    @ParameterizedTest(name = "raw reads of at most {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64, 4097, 8193, 70_000})
    void signedChunksDecodeWhateverTheReadBoundaries(int maxRead) throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED, DATA.length, null);
        byte[] body = signedBody(upload, DATA, 8192 + 17, Map.of());

        PayloadInputStream in = upload.decode(new DribblingInputStream(body, maxRead, maxRead));
        assertThat(drain(in, maxRead)).isEqualTo(DATA);
        assertThat(in.decodedBytes()).isEqualTo(DATA.length);
        assertThat(in.trailers()).isEmpty();
    }

    @ParameterizedTest(name = "raw reads of at most {0} bytes")
    @ValueSource(ints = {1, 5, 333, 65_537})
    void signedTrailersDecodeWhateverTheReadBoundaries(int maxRead) throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED_TRAILER, DATA.length,
                "x-amz-checksum-crc64nvme");
        String crc = checksum(ChecksumAlgorithm.CRC64NVME, DATA);
        byte[] body = signedBody(upload, DATA, CHUNK, Map.of("x-amz-checksum-crc64nvme", crc));

        PayloadInputStream in = upload.decode(new DribblingInputStream(body, maxRead, 7));
        assertThat(drain(in, 11)).isEqualTo(DATA);
        assertThat(in.trailers()).containsExactly(Map.entry("x-amz-checksum-crc64nvme", crc));
    }

    @ParameterizedTest(name = "raw reads of at most {0} bytes")
    @ValueSource(ints = {1, 2, 9, 1000, 100_000})
    void unsignedTrailerWithCrc32c(int maxRead) throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, DATA.length,
                "x-amz-checksum-crc32c");
        String crc = checksum(ChecksumAlgorithm.CRC32C, DATA);
        byte[] body = unsignedBody(DATA, 9000, "x-amz-checksum-crc32c:" + crc + "\r\n");

        PayloadInputStream in = upload.decode(new DribblingInputStream(body, maxRead, 3));
        assertThat(drain(in, 5)).isEqualTo(DATA);
        assertThat(in.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32c", crc));
    }

    @Test
    void anUnauthenticatedRequestMayStillSendAnUnsignedChunkedBody() throws Exception {
        RequestView request = RequestView.of("PUT", "/b/k", null, List.of(
                Map.entry("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
                Map.entry("x-amz-decoded-content-length", "3"),
                Map.entry("x-amz-trailer", "x-amz-checksum-crc32")));
        AuthResult auth = VERIFIER.verify(request);
        assertThat(auth).isInstanceOf(AuthResult.Anonymous.class);

        PayloadInputStream in = PayloadStreams.decode(auth, request, new ByteArrayInputStream(
                "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n".getBytes()));
        assertThat(in.readAllBytes()).isEqualTo("abc".getBytes());
        assertThat(in.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32", "NSRBwg=="));
        assertThat(checksum(ChecksumAlgorithm.CRC32, "abc".getBytes())).isEqualTo("NSRBwg==");
    }

    @ParameterizedTest
    @EnumSource(value = PayloadMode.class, names = {"STREAMING_SIGNED",
            "STREAMING_SIGNED_TRAILER", "STREAMING_UNSIGNED_TRAILER"})
    void everyTruncationIsAnIncompleteBody(PayloadMode mode) throws Exception {
        byte[] data = data(300);
        String trailer = mode.hasTrailer() ? "x-amz-checksum-crc32" : null;
        Upload upload = upload(mode, data.length, trailer);
        Map<String, String> trailers = trailer == null ? Map.of()
                : Map.of(trailer, checksum(ChecksumAlgorithm.CRC32, data));
        byte[] body = mode.hasChunkSignatures() ? signedBody(upload, data, 128, trailers)
                : unsignedBody(data, 128, trailer + ":" + trailers.get(trailer) + "\r\n");
        assertThat(drain(upload.decode(new ByteArrayInputStream(body)), 1)).isEqualTo(data);

        for (int cut = 0; cut < body.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(body, cut);
            long seed = cut;
            assertThatThrownBy(() -> drain(upload.decode(
                    new DribblingInputStream(truncated, 50, seed)), 3))
                    .as("cut at %d of %d", cut, body.length)
                    .isInstanceOfSatisfying(PayloadException.class, e ->
                            assertThat(e.error()).isEqualTo(AuthError.IncompleteBody));
        }
    }

    @Test
    void aDecodedLengthLargerThanTheChunksIsAnIncompleteBody() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED, 301, null);
        byte[] body = signedBody(upload, data(300), 100, Map.of());

        assertError(upload, body, AuthError.IncompleteBody);
    }

    @Test
    void chunksBeyondTheDecodedLengthAreRejectedBeforeTheyAreRead() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED, 299, null);
        byte[] body = signedBody(upload, data(300), 100, Map.of());

        assertError(upload, body, AuthError.InvalidRequest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "", " 3", "-3", "0x3", "11111111111111111",
            "ffffffffffffffff", "8000000000000000"})
    void badChunkSizesAreRejected(String size) throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 3, null);
        byte[] body = (size + "\r\nabc\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        assertError(upload, body, AuthError.InvalidRequest);
    }

    @Test
    void aHugeSizeLineIsRejectedWithoutBufferingIt() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 3, null);
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 1_000_000) {
                    throw new AssertionError("the decoder kept reading a line");
                }
                return '1';
            }
        };

        assertThatThrownBy(() -> drain(upload.decode(endless), 1))
                .isInstanceOfSatisfying(PayloadException.class, e ->
                        assertThat(e.error()).isEqualTo(AuthError.InvalidRequest));
    }

    @Test
    void linesMustEndWithCrlf() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 3, null);

        assertError(upload, "3\nabc\r\n0\r\n\r\n".getBytes(), AuthError.InvalidRequest);
        assertError(upload, "3\r\nabcX\n0\r\n\r\n".getBytes(), AuthError.InvalidRequest);
        assertError(upload, "3\r\nabc\r\n0\r\n\n".getBytes(), AuthError.InvalidRequest);
    }

    @Test
    void bytesAfterTheEndAreRejected() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 3, null);

        assertError(upload, "3\r\nabc\r\n0\r\n\r\nX".getBytes(), AuthError.InvalidRequest);
    }

    @Test
    void trailersMustBeTheDeclaredOnes() throws Exception {
        Upload declared = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 3,
                "x-amz-checksum-crc32");
        assertError(declared, "3\r\nabc\r\n0\r\n\r\n".getBytes(), AuthError.MalformedTrailerError);
        assertError(declared, "3\r\nabc\r\n0\r\nx-amz-checksum-sha1:AAAA\r\n\r\n".getBytes(),
                AuthError.MalformedTrailerError);
        assertError(declared, "3\r\nabc\r\n0\r\nno-colon\r\n\r\n".getBytes(),
                AuthError.MalformedTrailerError);
    }

    @Test
    void aBodyWithoutTrailersCannotSendOne() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED, 3, null);
        byte[] body = signedBody(upload, "abc".getBytes(), 3, Map.of());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        byte[] withTrailer = (text.substring(0, text.length() - 2) + "x-amz-checksum-crc32:x\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertError(upload, withTrailer, AuthError.MalformedTrailerError);
    }

    @Test
    void aTamperedSignedTrailerIsRejected() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED_TRAILER, 3, "x-amz-checksum-crc32");
        String good = new String(signedBody(upload, "abc".getBytes(), 3,
                Map.of("x-amz-checksum-crc32", "NSRBwg==")), StandardCharsets.ISO_8859_1);
        assertThat(drain(upload.decode(new ByteArrayInputStream(good.getBytes(
                StandardCharsets.ISO_8859_1))), 1)).isEqualTo("abc".getBytes());

        int trailerStart = good.indexOf("x-amz-checksum-crc32:");
        for (int i = trailerStart; i < good.length(); i++) {
            byte[] tampered = Mutations.flipAt(good, i).getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> drain(upload.decode(new ByteArrayInputStream(tampered)), 1))
                    .as("byte %d", (Object) i).isInstanceOf(PayloadException.class);
        }
        String unsignedTrailer = good.substring(0, good.indexOf("x-amz-trailer-signature"))
                + "\r\n";
        assertError(upload, unsignedTrailer.getBytes(StandardCharsets.ISO_8859_1),
                AuthError.MalformedTrailerError);
        String otherValue = good.replace("NSRBwg==", "AAAAAA==");
        assertError(upload, otherValue.getBytes(StandardCharsets.ISO_8859_1),
                AuthError.SignatureDoesNotMatch);
    }

    @Test
    void chunkSignaturesMustBePresentAndChained() throws Exception {
        Upload upload = upload(PayloadMode.STREAMING_SIGNED, 6, null);
        String body = new String(signedBody(upload, "abcdef".getBytes(), 3, Map.of()),
                StandardCharsets.ISO_8859_1);
        String[] parts = body.split("\r\n");
        // Swap the two data chunks with their signatures: each is valid alone, not in this order.
        String swapped = parts[2] + "\r\n" + parts[3] + "\r\n" + parts[0] + "\r\n" + parts[1]
                + "\r\n" + parts[4] + "\r\n\r\n";
        assertError(upload, swapped.getBytes(StandardCharsets.ISO_8859_1),
                AuthError.SignatureDoesNotMatch);
        String unsigned = "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n";
        assertError(upload, unsigned.getBytes(), AuthError.InvalidRequest);
        String upper = body.replaceFirst("chunk-signature=([0-9a-f]+)",
                "chunk-signature=" + parts[0].substring(parts[0].indexOf('=') + 1).toUpperCase());
        assertError(upload, upper.getBytes(StandardCharsets.ISO_8859_1), AuthError.InvalidRequest);
    }

    static void assertError(Upload upload, byte[] body, AuthError error) {
        assertThatThrownBy(() -> drain(upload.decode(new ByteArrayInputStream(body)), 1))
                .isInstanceOfSatisfying(PayloadException.class,
                        e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }

    static String checksum(ChecksumAlgorithm algorithm, byte[] data) {
        var digest = algorithm.newDigest();
        digest.update(data, 0, data.length);
        return digest.finishBase64();
    }

    static byte[] data(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }
}
