package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the aws-chunked decoder ({@link PayloadStreams#decode} → {@link AwsChunkedStream}).
 * The first input byte picks the mode (signed, signed with trailer, unsigned with trailer); the
 * rest is the body, decoded for a request head signed at a fixed time with a fixed secret,
 * declaring {@link #DECODED_LENGTH} bytes. Contract: the body decodes or {@link PayloadException}
 * (the caller's 4xx) is thrown; nothing else escapes, the output never exceeds the declared length,
 * and a body with chunk signatures that decodes must decode to exactly the signed {@link #DATA}
 * (the fuzzer cannot compute chunk signatures). The seeds in
 * {@code AwsChunkedFuzzTestInputs/decode/} are valid bodies of each mode ({@link #seed}).
 */
class AwsChunkedFuzzTest {
    static final int DECODED_LENGTH = 300;
    static final byte[] DATA = AwsChunkedStreamTest.data(DECODED_LENGTH);
    static final PayloadMode[] MODES = {PayloadMode.STREAMING_SIGNED,
        PayloadMode.STREAMING_SIGNED_TRAILER, PayloadMode.STREAMING_UNSIGNED_TRAILER};
    static final String[] SEED_NAMES = {"signed", "signed-trailer", "unsigned-trailer"};
    static final String TRAILER = "x-amz-checksum-crc32";
    private static final AwsChunkedStreamTest.Upload[] UPLOADS = uploads();

    @FuzzTest(maxDuration = "5s")
    void decode(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        int mode = (input[0] & 0xff) % MODES.length;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        PayloadInputStream in = UPLOADS[mode].decode(new ByteArrayInputStream(body));
        byte[] decoded;
        try {
            decoded = AwsChunkedStreamTest.drain(in, input.length);
        } catch (PayloadException expected) {
            return;
        } catch (IOException e) {
            throw new AssertionError("undeclared IOException", e);
        }
        assertThat(decoded.length).isEqualTo(DECODED_LENGTH);
        if (MODES[mode].hasChunkSignatures()) {
            assertThat(decoded).as("accepted signed chunks carry the signed data").isEqualTo(DATA);
        }
    }

    /** The checked-in seeds are valid bodies, so fuzzing starts past the framing and signatures. */
    @Test
    void seedsDecodeToTheSignedData() throws Exception {
        for (int mode = 0; mode < MODES.length; mode++) {
            for (int chunkSize : new int[] {64, 300}) {
                byte[] seed = seed(mode, chunkSize);
                assertThat(seed).isEqualTo(getClass().getResourceAsStream(
                        "AwsChunkedFuzzTestInputs/decode/" + SEED_NAMES[mode] + "-" + chunkSize)
                        .readAllBytes());
                PayloadInputStream in = UPLOADS[mode].decode(new ByteArrayInputStream(seed, 1,
                        seed.length - 1));
                assertThat(in.readAllBytes()).isEqualTo(DATA);
            }
        }
    }

    /** A valid body of mode {@code MODES[mode]}, prefixed by the mode byte (the seed corpus). */
    static byte[] seed(int mode, int chunkSize) throws Exception {
        AwsChunkedStreamTest.Upload upload = UPLOADS[mode];
        String crc = AwsChunkedStreamTest.checksum(
                dev.s3aas.common.checksum.ChecksumAlgorithm.CRC32, DATA);
        byte[] body = switch (MODES[mode]) {
            case STREAMING_SIGNED -> AwsChunkedStreamTest.signedBody(upload, DATA, chunkSize,
                    java.util.Map.of());
            case STREAMING_SIGNED_TRAILER -> AwsChunkedStreamTest.signedBody(upload, DATA,
                    chunkSize, java.util.Map.of(TRAILER, crc));
            default -> AwsChunkedStreamTest.unsignedBody(DATA, chunkSize,
                    TRAILER + ":" + crc + "\r\n");
        };
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) mode;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private static AwsChunkedStreamTest.Upload[] uploads() {
        try {
            return new AwsChunkedStreamTest.Upload[] {
                AwsChunkedStreamTest.upload(MODES[0], DECODED_LENGTH, null),
                AwsChunkedStreamTest.upload(MODES[1], DECODED_LENGTH, TRAILER),
                AwsChunkedStreamTest.upload(MODES[2], DECODED_LENGTH, TRAILER)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
