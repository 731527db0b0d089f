package dev.s3aas.node.s3;

import dev.s3aas.node.storage.DiskSpace;
import dev.s3aas.node.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the node should receive traffic: the store is open, the data directory takes a write, and its file
 * system is used less than the configured share (default 95%) and has more free space than the reserve data
 * writes leave for metadata ({@link DiskSpace}), so a probe takes the node out of a load balancer
 * before writes start failing with a full disk. The write probe creates and deletes a small file (no fsync: it
 * checks the file system accepts writes, not durability).
 */
public final class Readiness {
    private final ObjectStore store;
    private final Path dataDir;
    private final double maxUsedShare;

    /** @param maxUsedShare the largest used share of the data file system that is still ready, e.g. 0.95 */
    public Readiness(ObjectStore store, Path dataDir, double maxUsedShare) {
        if (!(maxUsedShare > 0 && maxUsedShare <= 1)) {
            throw new IllegalArgumentException("the disk-usage threshold must be in (0, 1]");
        }
        this.store = store;
        this.dataDir = dataDir;
        this.maxUsedShare = maxUsedShare;
    }

    /** Null when ready, else what is wrong. */
    String problem() {
        if (!store.isOpen()) {
            return "the store is closing";
        }
        String stopped = store.writeProblem();
        if (stopped != null) {
            return stopped;
        }
        try {
            Path probe = Files.createTempFile(dataDir, ".ready-", ".probe");
            Files.delete(probe);
            FileStore fs = Files.getFileStore(dataDir);
            long total = fs.getTotalSpace();
            double used = total == 0 ? 0 : 1 - (double) fs.getUsableSpace() / total;
            if (DiskSpace.belowReserve(dataDir)) {
                return String.format(java.util.Locale.ROOT, "the data file system is full: %d bytes free, below the "
                        + "reserve of %d kept for metadata (data writes are refused)", fs.getUsableSpace(),
                        DiskSpace.reserveBytes(fs));
            }
            if (used > maxUsedShare) {
                return String.format(java.util.Locale.ROOT, "the data file system is %.1f%% full (threshold %.1f%%)",
                        used * 100, maxUsedShare * 100);
            }
            return null;
        } catch (IOException e) {
            return "the data directory does not take writes: " + e.getClass().getSimpleName();
        }
    }
}
