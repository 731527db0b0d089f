package dev.s3aas.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data dir>/lock}, held for the life of a control plane. Two control
 * planes on one data dir would each start every instance's nodes, and each would take the other's
 * nodes for orphans. The lock is the operating system's ({@code flock}-style), so it goes with the
 * process however that ends; the file keeps the holder's pid for the error message.
 */
final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the holder. */
    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve("lock").toAbsolutePath();
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("another control plane is running on data dir " + dataDir.toAbsolutePath()
                        + " (" + file + " is locked" + holder(file) + "); stop it first or use another S3AAS_DATA_DIR");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new DataDirLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e instanceof IOException io ? new UncheckedIOException("cannot lock " + file, io) : (RuntimeException) e;
        }
    }

    /** Null when held elsewhere: by another process, or by another control plane of this JVM (tests). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.UTF_8).strip();
            return pid.isEmpty() ? "" : " by pid " + pid;
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases any lock; nothing else to do.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel's close below releases it anyway.
        }
        closeQuietly(channel);
    }
}
