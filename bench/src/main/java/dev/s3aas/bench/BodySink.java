package dev.s3aas.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives a response body piece by piece: {@code data} holds the next bytes from position to limit. */
@FunctionalInterface
interface BodySink {
    BodySink DISCARD = data -> data.position(data.limit());

    /** Consumes the bytes; must not change {@code data}'s limit. */
    void accept(ByteBuffer data) throws IOException;
}
