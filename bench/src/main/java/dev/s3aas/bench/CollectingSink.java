package dev.s3aas.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Keeps a (small) response body: multipart results and other XML answers outside the hot loop. */
final class CollectingSink implements BodySink {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public void accept(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        out.write(b, 0, b.length);
    }

    String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
