package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rocksdb.RocksIterator;

/**
 * Reads back every stored object version (current and noncurrent) and every part of an unfinished upload and
 * checks it against its checksums: blob files block by block against their CRC trailer (encrypted ones too: the
 * trailer covers the ciphertext, so no key is needed), the file's length, and inline values against their CRC.
 * Data written before checksums existed is counted as unverified.
 *
 * <p>Nothing is repaired or deleted: a node has no second copy to heal from (scale and redundancy come from the
 * Ceph engine, which scrubs itself). Findings go to the caller, the read-integrity metric and the log; an operator
 * restores the object from a backup or an older version.
 *
 * <p>Metadata is walked in batches of {@link #BATCH} records from a fresh iterator each, resuming after the last key,
 * so a long pass pins no RocksDB snapshot and sees objects written meanwhile if they sort later. Data that
 * vanishes under the scrubber (overwritten, deleted) is not a finding: the record is re-read to tell.
 */
public final class Scrubber {
    /** Bytes read per throttled step of a large blob. */
    static final int STEP = 1 << 20;
    private static final int BATCH = 256;

    private final MetaDb db;
    private final BlobStore blobs;
    private final StorageEvents events;

    Scrubber(MetaDb db, BlobStore blobs, StorageEvents events) {
        this.db = db;
        this.blobs = blobs;
        this.events = events;
    }

    /** Paces the pass: called after each step with the bytes just read; may sleep. */
    @FunctionalInterface
    public interface Pace {
        void consumed(long bytes) throws InterruptedException;
    }

    /** What one pass did. */
    public record Totals(long bytes, long objects, long unverified, long damaged) {}

    /**
     * One full pass. Stops early (returning what was done) when the thread is interrupted.
     *
     * @param found told about each damaged object as it is found
     */
    public Totals pass(Pace pace, Consumer<ScrubFinding> found) throws InterruptedException {
        Pass p = new Pass(pace, found, bucketNames());
        p.walk(MetaDb.Cf.OBJECTS);
        p.walk(MetaDb.Cf.VERSIONS);
        p.walk(MetaDb.Cf.PARTS);
        return new Totals(p.bytes, p.objects, p.unverified, p.damaged);
    }

    private Map<Long, String> bucketNames() {
        Map<Long, String> names = new HashMap<>();
        try (RocksIterator it = db.iterator(MetaDb.Cf.BUCKETS)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                BucketRecord b = RecordCodec.decode(it.value(), BucketRecord.class);
                names.put(b.id(), b.name());
            }
        }
        return names;
    }

    private final class Pass {
        private final Pace pace;
        private final Consumer<ScrubFinding> found;
        private final Map<Long, String> buckets;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(STEP);
        long bytes;
        long objects;
        long unverified;
        long damaged;

        Pass(Pace pace, Consumer<ScrubFinding> found, Map<Long, String> buckets) {
            this.pace = pace;
            this.found = found;
            this.buckets = buckets;
        }

        void walk(MetaDb.Cf cf) throws InterruptedException {
            byte[] after = null;
            while (true) {
                List<byte[][]> batch = new ArrayList<>(BATCH);
                try (RocksIterator it = db.iterator(cf)) {
                    if (after == null) {
                        it.seekToFirst();
                    } else {
                        it.seek(after);
                        if (it.isValid() && Arrays.equals(it.key(), after)) {
                            it.next();
                        }
                    }
                    for (; it.isValid() && batch.size() < BATCH; it.next()) {
                        batch.add(new byte[][] {it.key(), it.value()});
                    }
                }
                if (batch.isEmpty()) {
                    return;
                }
                for (byte[][] entry : batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                    check(cf, entry[0], entry[1]);
                }
                after = batch.get(batch.size() - 1)[0];
            }
        }

        private void check(MetaDb.Cf cf, byte[] key, byte[] value) throws InterruptedException {
            List<Extent> extents;
            ScrubFinding where;
            if (cf == MetaDb.Cf.PARTS) {
                PartRecord p = RecordCodec.decode(value, PartRecord.class);
                extents = List.of(new Extent(p.blobId(), p.size(), false, null, null, p.salt(), p.blockCrcShift(), null));
                String upload = new String(key, 0, key.length - 4, StandardCharsets.US_ASCII);
                where = new ScrubFinding(null, null, null, upload, p.partNumber(), null, null);
            } else {
                ObjectRecord r = RecordCodec.decode(value, ObjectRecord.class);
                if (r.deleteMarker()) {
                    return;
                }
                extents = r.extents();
                int nameEnd = cf == MetaDb.Cf.VERSIONS ? key.length - 1 - VersionIds.SUFFIX_BYTES : key.length;
                String name = new String(key, Keys.BUCKET_ID_BYTES, nameEnd - Keys.BUCKET_ID_BYTES, StandardCharsets.UTF_8);
                where = new ScrubFinding(buckets.get(Keys.getLong(key, 0)), name, r.versionId(), null, null, null, null);
            }
            for (Extent e : extents) {
                String damage = e.inline() ? inline(e) : file(e);
                if (damage != null && Arrays.equals(db.get(cf, key), value)) {
                    damaged++;
                    events.integrityError(StorageEvents.IntegritySource.SCRUB);
                    found.accept(where.damaged(e.blobId(), damage));
                    break;
                }
            }
            objects++;
            events.scrubbed(0, 1);
        }

        private String inline(Extent e) throws InterruptedException {
            byte[] data = db.get(MetaDb.Cf.INLINE, BlobIds.bytes(e.blobId()));
            if (data == null) {
                return "inline value is missing";
            }
            consumed(data.length);
            if (e.valueCrc() == null) {
                unverified++;
                return null;
            }
            return InlineValues.check(e, data);
        }

        private String file(Extent e) throws InterruptedException {
            long stored = e.storedLength();
            try (FileChannel ch = blobs.open(e.blobId())) {
                if (e.blockCrcShift() == 0) {
                    unverified++;
                    return null;
                }
                long expected = stored + 4 * BlockChecksums.blocks(stored, e.blockCrcShift());
                if (ch.size() != expected) {
                    return "blob file is " + ch.size() + " bytes, its record says " + expected;
                }
                for (long pos = 0; pos < stored; pos += STEP) {
                    long n = Math.min(STEP, stored - pos);
                    VerifyingReader.read(ch, stored, e.blockCrcShift(), pos, n, buf, null);
                    consumed(n);
                }
                return null;
            } catch (NoSuchFileException missing) {
                return "blob file is missing";
            } catch (IntegrityException damage) {
                return damage.getMessage();
            } catch (IOException io) {
                return "blob file cannot be read: " + io.getMessage();
            }
        }

        private void consumed(long n) throws InterruptedException {
            bytes += n;
            events.scrubbed(n, 0);
            pace.consumed(n);
        }
    }
}
