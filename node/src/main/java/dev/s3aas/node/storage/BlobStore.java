package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Object data files. Layout under the data directory:
 * <pre>
 *   tmp/&lt;id&gt;          being written, or durable but not yet moved (see the write protocol)
 *   blobs/&lt;xx&gt;/&lt;id&gt;   committed data; xx = first two hex digits of the id (256 directories)
 * </pre>
 * Paths are built only from {@link BlobIds} (validated hex), never from anything a client sent.
 */
final class BlobStore {
    private final Path tmpDir;
    private final Path blobsDir;
    private final StorageEvents events;

    BlobStore(Path dataDir, StorageEvents events) throws IOException {
        this.events = events;
        this.tmpDir = dataDir.resolve("tmp");
        this.blobsDir = dataDir.resolve("blobs");
        Files.createDirectories(tmpDir);
        for (int i = 0; i < 256; i++) {
            Files.createDirectories(blobsDir.resolve(String.format("%02x", i)));
        }
        syncDirectory(dataDir);
    }

    StorageEvents events() {
        return events;
    }

    Path tmpPath(String id) {
        return tmpDir.resolve(checked(id));
    }

    Path blobPath(String id) {
        return blobsDir.resolve(checked(id).substring(0, 2)).resolve(id);
    }

    /**
     * Starts a new blob in {@code tmp/}, unless the file system is below {@link DiskSpace}'s reserve: data writes
     * stop there so metadata commits (and the deletes that free space) still have room.
     */
    Writer create() throws IOException {
        DiskSpace.requireDataRoom(tmpDir);
        String id = BlobIds.newId();
        FileChannel ch = FileChannel.open(tmpPath(id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Writer(id, ch);
    }

    /**
     * Moves a committed blob from {@code tmp/} to {@code blobs/}. Not fsynced: if the rename is lost in a crash
     * the janitor redoes it, because the blob is referenced in {@code blobrefs}.
     */
    void publish(String id) throws IOException {
        Files.move(tmpPath(id), blobPath(id), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Opens committed data, also finding a blob whose publish has not happened yet. */
    FileChannel open(String id) throws IOException {
        try {
            return FileChannel.open(blobPath(id), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return FileChannel.open(tmpPath(id), StandardOpenOption.READ);
        }
    }

    /** Removes a blob wherever it is. tmp first: a concurrent publish then either already moved it or fails. */
    void delete(String id) throws IOException {
        Files.deleteIfExists(tmpPath(id));
        Files.deleteIfExists(blobPath(id));
    }

    List<String> tmpIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmpDir)) {
            for (Path p : ds) {
                ids.add(p.getFileName().toString());
            }
        }
        return ids;
    }

    void deleteTmpFile(String name) throws IOException {
        Path p = tmpDir.resolve(name);
        if (!p.getParent().equals(tmpDir)) {
            throw new IOException("refusing to delete outside tmp: " + name);
        }
        Files.deleteIfExists(p);
    }

    private static String checked(String id) {
        if (!BlobIds.isValid(id)) {
            throw new IllegalArgumentException("invalid blob id");
        }
        return id;
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** An open blob being written. {@link #finish()} makes it durable in {@code tmp/}. */
    final class Writer implements AutoCloseable {
        private final String id;
        private final FileChannel channel;
        private final BlockChecksums.Builder crcs = new BlockChecksums.Builder();
        private long written;
        private boolean finished;

        private Writer(String id, FileChannel channel) {
            this.id = id;
            this.channel = channel;
        }

        String id() {
            return id;
        }

        /** Data bytes written, not counting the trailer. */
        long written() {
            return written;
        }

        /** Appends data; its block CRCs are taken on the way (the bytes are hot in cache from being received). */
        void write(ByteBuffer buffer) throws IOException {
            crcs.update(buffer);
            if (buffer.isDirect()) {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
                return;
            }
            ByteBuffer direct = BufferPool.takeDirect();
            try {
                while (buffer.hasRemaining()) {
                    direct.clear();
                    int n = Math.min(direct.remaining(), buffer.remaining());
                    direct.put(direct.position(), buffer, buffer.position(), n).limit(n);
                    buffer.position(buffer.position() + n);
                    while (direct.hasRemaining()) {
                        written += channel.write(direct);
                    }
                }
            } finally {
                BufferPool.giveDirect(direct);
            }
        }

        /** Appends the CRC trailer, then fdatasync the file and fsync tmp/ so the directory entry is durable too. */
        void finish() throws IOException {
            ByteBuffer trailer = crcs.trailer();
            long at = written;
            while (trailer.hasRemaining()) {
                at += channel.write(trailer, at);
            }
            long start = System.nanoTime();
            channel.force(false);
            channel.close();
            syncDirectory(tmpDir);
            events.blobSynced(System.nanoTime() - start);
            finished = true;
        }

        /** Closes; an unfinished blob is deleted (the write was aborted). */
        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                channel.close();
            }
            if (!finished) {
                Files.deleteIfExists(tmpPath(id));
            }
        }
    }
}
