package dev.s3aas.controlplane.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <data dir>/audit.log}: one JSON object per line, opened in append mode (never truncated or rewritten;
 * rotate it with copy-and-truncate or by moving it away, a new file is opened at the next failure or restart),
 * created 0600. Each line is written with one {@code write} under a lock and forced to disk before the API answers.
 */
final class AuditFile implements AutoCloseable {
    private final Path path;
    private FileChannel channel;

    AuditFile(Path path) {
        this.path = path;
    }

    synchronized void append(byte[] line) throws IOException {
        FileChannel ch = open();
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            closeQuietly();
            throw e;
        }
    }

    /** True when the file can be written (opening it again if an earlier write failed). */
    synchronized boolean writable() {
        try {
            open();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null || !channel.isOpen() || !Files.exists(path)) {
            closeQuietly();
            if (!Files.exists(path)) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        return channel;
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Reopened at the next write.
            }
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
