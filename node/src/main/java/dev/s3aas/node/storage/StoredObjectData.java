package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Base64;
import java.util.List;

/**
 * {@link ObjectData} over inline bytes or blob files, decrypting SSE-S3 extents on the way out and checking
 * plain blob files' block CRCs ({@link VerifyingReader}; GCM authenticates encrypted ones). The first
 * extent's file is opened eagerly (so a reader racing an overwrite notices before sending headers and
 * retries); later extents of multipart objects are opened as the stream reaches them, which keeps file
 * descriptors bounded for 10,000-part objects, and a {@link ReadPins.Pin} held until close keeps those
 * files from being collected meanwhile.
 */
final class StoredObjectData implements ObjectData {
    private static final int CHUNK = 256 * 1024;

    private final ObjectInfo info;
    private final byte[] inline;
    private final List<Extent> extents;
    private final BlobStore blobs;
    private final byte[] dataKey;
    private final StorageEvents events;
    private FileChannel first;
    private ReadPins.Pin pin;

    private StoredObjectData(ObjectInfo info, byte[] inline, List<Extent> extents, BlobStore blobs, FileChannel first,
                             byte[] dataKey, ReadPins.Pin pin, StorageEvents events) {
        this.events = events;
        this.info = info;
        this.inline = inline;
        this.extents = extents;
        this.blobs = blobs;
        this.first = first;
        this.dataKey = dataKey;
        this.pin = pin;
    }

    /** @param data already checked against the extent's CRC when read ({@code RocksObjectStore.readInline}) */
    static StoredObjectData inline(ObjectInfo info, byte[] data, Extent extent, byte[] dataKey, StorageEvents events) {
        return new StoredObjectData(info, data, List.of(extent), null, null, dataKey, null, events);
    }

    /**
     * @param pin held for objects of several files (taken before their record was read), released on close
     * @throws java.nio.file.NoSuchFileException if the first blob is already gone (caller retries)
     */
    static StoredObjectData files(ObjectInfo info, List<Extent> extents, BlobStore blobs, byte[] dataKey,
                                  ReadPins.Pin pin) throws IOException {
        FileChannel first = extents.isEmpty() ? null : blobs.open(extents.get(0).blobId());
        return new StoredObjectData(info, null, extents, blobs, first, dataKey, pin, blobs.events());
    }

    @Override
    public ObjectInfo info() {
        return info;
    }

    @Override
    public void transferTo(long offset, long length, ByteBuffer scratch, Sink sink) throws IOException {
        if (length == 0) {
            return;
        }
        if (inline != null) {
            Extent e = extents.get(0);
            if (e.salt() == null) {
                sink.write(ByteBuffer.wrap(inline, (int) offset, (int) length));
            } else {
                try {
                    cipher(e).decryptRange(inline, e.length(), offset, length, sink);
                } catch (IntegrityException damage) {
                    throw damaged(e, damage);
                }
            }
            return;
        }
        ByteBuffer buf = scratch;
        long extentStart = 0;
        long remaining = length;
        for (int i = 0; i < extents.size() && remaining > 0; i++) {
            Extent e = extents.get(i);
            long extentEnd = extentStart + e.length();
            if (offset < extentEnd) {
                long from = offset - extentStart;
                long n = Math.min(remaining, e.length() - from);
                FileChannel ch = i == 0 ? first : blobs.open(e.blobId());
                try {
                    if (e.salt() != null) {
                        cipher(e).decryptRange(ch, e.length(), from, n, sink);
                    } else if (e.blockCrcShift() != 0) {
                        VerifyingReader.read(ch, e.length(), e.blockCrcShift(), from, n, buf, sink);
                    } else {
                        buf = buf != null ? buf : ByteBuffer.allocate((int) Math.min(CHUNK, length));
                        copy(ch, from, n, buf, sink);
                    }
                } catch (IntegrityException damage) {
                    throw damaged(e, damage);
                } finally {
                    if (i != 0) {
                        ch.close();
                    }
                }
                offset += n;
                remaining -= n;
            }
            extentStart = extentEnd;
        }
        if (remaining > 0) {
            throw new IOException("object data shorter than its metadata says");
        }
    }

    /** Counts the damage once and names the object and blob (never its data) for the log line above. */
    private IntegrityException damaged(Extent e, IntegrityException damage) {
        events.integrityError(StorageEvents.IntegritySource.READ);
        return new IntegrityException(describe(info, e) + ": " + damage.getMessage(), damage);
    }

    static String describe(ObjectInfo info, Extent e) {
        return "object " + info.bucket() + "/" + info.key() + " version " + info.versionId() + " blob " + e.blobId();
    }

    private PackageCipher cipher(Extent e) throws IOException {
        if (dataKey == null) {
            throw new IOException("encrypted extent without a data key");
        }
        return new PackageCipher(dataKey, Base64.getDecoder().decode(e.salt()));
    }

    private static void copy(FileChannel ch, long position, long count, ByteBuffer buf, Sink sink) throws IOException {
        long end = position + count;
        while (position < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - position));
            int n = ch.read(buf, position);
            if (n < 0) {
                throw new IOException("unexpected end of blob file");
            }
            position += n;
            buf.flip();
            sink.write(buf);
        }
    }

    @Override
    public void close() {
        if (first != null) {
            try {
                first.close();
            } catch (IOException ignored) {
                // read-only channel: nothing to lose
            }
            first = null;
        }
        if (pin != null) {
            pin.close();
            pin = null;
        }
    }
}
