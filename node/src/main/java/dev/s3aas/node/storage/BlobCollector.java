package dev.s3aas.node.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unlinks blob files that committed metadata no longer references, and repairs the leftovers of a crash.
 *
 * <p>When a mutation drops a blob (overwrite, delete, abort) it records the id in the {@code gc} column family
 * in the same atomic commit, then hands the id here. This thread unlinks the file and clears the {@code gc}
 * entry with an unsynced write: if that is lost, the next start unlinks again (idempotent). A blob that a
 * reader may still open (a later part of a multipart object being streamed) waits for that reader; see
 * {@link ReadPins}.
 *
 * <p>{@link #recover()} runs once at start, before the node serves: every file in {@code tmp/} is either
 * referenced in {@code blobrefs} (committed, crash before publish → move it to {@code blobs/}) or not
 * (interrupted write → delete it); then every {@code gc} entry is unlinked.
 */
final class BlobCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCollector.class);

    private final MetaDb db;
    private final BlobStore blobs;
    private final ReadPins pins = new ReadPins();
    private final BlockingQueue<Released> queue = new LinkedBlockingQueue<>();
    /** Released blobs a reader may still open; retried as readers finish. Collector thread only. */
    private final List<Released> deferred = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    BlobCollector(MetaDb db, BlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
        this.thread = Thread.ofPlatform().name("s3aas-blob-gc").daemon(true).start(this::run);
    }

    private record Released(String id, long stamp) {}

    /** Called after the commit that recorded {@code id} in {@code gc}. */
    void enqueue(String id) {
        queue.add(new Released(id, pins.release()));
    }

    /** Pins taken by readers of multi-file objects; see {@link ReadPins}. */
    ReadPins pins() {
        return pins;
    }

    /** Crash recovery; see the class comment. Returns counts for the log. */
    RecoveryReport recover() throws IOException {
        int published = 0;
        int removed = 0;
        for (String name : blobs.tmpIds()) {
            if (BlobIds.isValid(name) && db.get(MetaDb.Cf.BLOBREFS, BlobIds.bytes(name)) != null) {
                blobs.publish(name);
                published++;
            } else {
                blobs.deleteTmpFile(name);
                removed++;
            }
        }
        List<String> garbage = new ArrayList<>();
        try (RocksIterator it = db.iterator(MetaDb.Cf.GC)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                garbage.add(BlobIds.fromBytes(it.key()));
            }
        }
        for (String id : garbage) {
            blobs.delete(id);
        }
        clearGcEntries(garbage);
        return new RecoveryReport(published, removed, garbage.size());
    }

    record RecoveryReport(int published, int interruptedWritesRemoved, int garbageCollected) {}

    private void run() {
        List<Released> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Released first = queue.poll(200, TimeUnit.MILLISECONDS);
                batch.addAll(deferred);
                deferred.clear();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 255);
                }
                List<String> unlinked = new ArrayList<>(batch.size());
                for (Released r : batch) {
                    if (pins.mayBeRead(r.stamp())) {
                        deferred.add(r);
                    } else {
                        blobs.delete(r.id());
                        unlinked.add(r.id());
                    }
                }
                clearGcEntries(unlinked);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("blob collection failed; retried at next start", e);
            }
            batch.clear();
        }
    }

    private void clearGcEntries(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (WriteBatch wb = new WriteBatch()) {
            for (String id : ids) {
                wb.delete(db.cf(MetaDb.Cf.GC), BlobIds.bytes(id));
            }
            db.writeAsync(wb);
        } catch (RocksDBException e) {
            LOG.warn("could not clear gc entries; redone at next start", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
