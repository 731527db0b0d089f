package dev.s3aas.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The raw-disk baseline: what the filesystem under the servers' data dirs does with the same bytes. A PUT is
 * write + fsync of one file per object (the least any durable store must do); a GET reads the file back,
 * verified like a server's answer. Keys map to flat file names in {@code dir}.
 */
final class RawDiskClient implements LoadClient {
    private final Path dir;
    private final Payloads payloads;
    private final ByteBuffer body;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(HttpConnection.DEFAULT_BUFFER);
    private final VerifyingSink verifier;

    RawDiskClient(Path dir, Payloads payloads) {
        this.dir = dir;
        this.payloads = payloads;
        this.body = payloads.view();
        this.verifier = new VerifyingSink(payloads);
    }

    @Override
    public void put(String key, Payload payload) throws IOException {
        try (FileChannel ch = FileChannel.open(file(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            body.limit(Math.toIntExact(payload.offset() + payload.length())).position(payload.offset());
            while (body.hasRemaining()) {
                ch.write(body);
            }
            ch.force(true);
        }
    }

    @Override
    public void putMultipart(String key, Payload payload, long partSize) throws IOException {
        put(key, payload);
    }

    @Override
    public void get(String key, Payload expected, boolean verifyBytes) throws IOException, BenchFailure {
        verifier.reset(expected, verifyBytes);
        try (FileChannel ch = FileChannel.open(file(key), StandardOpenOption.READ)) {
            long size = ch.size();
            while (true) {
                readBuffer.clear();
                if (ch.read(readBuffer) < 0) {
                    break;
                }
                readBuffer.flip();
                verifier.accept(readBuffer);
            }
            verifier.check(key, size);
        }
    }

    private Path file(String key) {
        return dir.resolve(key.replace('/', '_'));
    }

    @Override
    public void close() {
        // nothing held between operations
    }
}
