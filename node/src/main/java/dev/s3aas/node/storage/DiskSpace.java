package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * A full data file system: how it is recognised (ENOSPC from the JDK or from RocksDB) and the free-space reserve
 * data writes leave for metadata. A blob write that would start with less than {@link #reserveBytes} free is
 * refused up front; whatever ENOSPC still happens (a large body, a RocksDB commit) is recognised by
 * {@link #full(Throwable)} and reported as {@link StorageError#INSUFFICIENT_STORAGE}, never as an internal error.
 * The aborted blob is deleted by {@link BlobStore.Writer#close()}; RocksDB fails the write batch as a whole.
 */
public final class DiskSpace {
    /** The reserve is 1% of the file system, at least 4 MiB (RocksDB's WAL and a memtable flush), at most 1 GiB. */
    static final long MIN_RESERVE = 4L << 20;
    static final long MAX_RESERVE = 1L << 30;
    private static final String ENOSPC = "No space left on device";

    private DiskSpace() {}

    /** Bytes data writes leave free on {@code fs}. */
    public static long reserveBytes(FileStore fs) throws IOException {
        return Math.min(MAX_RESERVE, Math.max(MIN_RESERVE, fs.getTotalSpace() / 100));
    }

    /** Whether the file system holding {@code dir} is below the reserve. */
    public static boolean belowReserve(Path dir) throws IOException {
        FileStore fs = Files.getFileStore(dir);
        return fs.getUsableSpace() < reserveBytes(fs);
    }

    static void requireDataRoom(Path dir) throws IOException {
        if (belowReserve(dir)) {
            throw new FileSystemException(dir.toString(), null,
                    ENOSPC + " (free space is below the reserve kept for metadata)");
        }
    }

    /**
     * The storage error for {@code t} if it, or one of its causes, is a full disk: an {@link IOException} or
     * {@link FileSystemException} with the ENOSPC message, or a {@link RocksDBException} whose status is an
     * IOError with the NoSpace sub-code; else null.
     */
    public static StorageException full(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (isNoSpace(c)) {
                return new StorageException(StorageError.INSUFFICIENT_STORAGE,
                        "The node's data file system is full: " + c.getMessage());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static boolean isNoSpace(Throwable c) {
        if (c instanceof RocksDBException r) {
            Status s = r.getStatus();
            if (s != null && s.getCode() == Status.Code.IOError && s.getSubCode() == Status.SubCode.NoSpace) {
                return true;
            }
        }
        if (c instanceof FileSystemException f && f.getReason() != null && f.getReason().contains(ENOSPC)) {
            return true;
        }
        return (c instanceof IOException || c instanceof RocksDBException)
                && c.getMessage() != null && c.getMessage().contains(ENOSPC);
    }
}
