package dev.s3aas.bench;

import java.nio.ByteBuffer;

/**
 * Counts the bytes of a GET body and, when asked, compares them with the expected payload as they stream
 * in (no copy of the object is kept). Reused across requests by one worker.
 */
final class VerifyingSink implements BodySink {
    private final Payloads payloads;
    private Payload expected;
    private boolean verifyBytes;
    private long received;
    private long firstMismatch;

    VerifyingSink(Payloads payloads) {
        this.payloads = payloads;
    }

    VerifyingSink reset(Payload expected, boolean verifyBytes) {
        this.expected = expected;
        this.verifyBytes = verifyBytes;
        this.received = 0;
        this.firstMismatch = -1;
        return this;
    }

    @Override
    public void accept(ByteBuffer data) {
        int n = data.remaining();
        if (verifyBytes && firstMismatch < 0) {
            firstMismatch = payloads.mismatch(expected, received, data);
        }
        received += n;
        data.position(data.limit());
    }

    /** Throws unless exactly the expected bytes arrived (length always, content when verifying). */
    void check(String key, long declaredLength) throws BenchFailure {
        if (declaredLength != expected.length() || received != expected.length()) {
            throw new BenchFailure("GET " + key + ": expected " + expected.length() + " bytes, response declared "
                    + declaredLength + " and carried " + received);
        }
        if (firstMismatch >= 0) {
            throw new BenchFailure("GET " + key + ": content differs from what was written, first at byte "
                    + firstMismatch);
        }
    }
}
