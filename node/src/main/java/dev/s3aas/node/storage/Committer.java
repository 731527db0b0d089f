package dev.s3aas.node.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the metadata store, with group commit.
 *
 * <p>Every mutation of metadata is a {@link Mutation} submitted here. One platform thread takes all queued
 * mutations, applies them in order against a {@link Txn} (so each sees the effects of the ones before it),
 * writes the whole group as one RocksDB {@link WriteBatch} with {@code sync=true}, runs their after-commit
 * actions and only then releases the callers. Hence:
 * <ul>
 *   <li>mutations are serialised: read-check-write sequences (conditional PUT, quota, usage counters) are
 *       atomic without locks;</li>
 *   <li>one WAL fsync covers a whole group: under concurrency the cost of durability is shared, while a lone
 *       writer still gets its own fsync immediately (no timer, no added latency);</li>
 *   <li>a caller returns only when its mutation is durable (the commit point).</li>
 * </ul>
 * A dedicated platform thread is used because RocksDB calls are JNI and would pin a virtual thread's carrier.
 */
final class Committer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final int MAX_GROUP = 512;

    /** A unit of metadata change. Reads and writes go through the txn; throwing discards its writes. */
    @FunctionalInterface
    interface Mutation<R> {
        R apply(Txn txn) throws StorageException;
    }

    private record Pending(Mutation<?> mutation, CompletableFuture<Object> result) {}

    private final Pending stopSignal = new Pending(txn -> null, new CompletableFuture<>());

    private final MetaDb db;
    private final StorageEvents events;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closed;

    Committer(MetaDb db, StorageEvents events) {
        this.db = db;
        this.events = events;
        this.thread = Thread.ofPlatform().name("s3aas-committer").daemon(true).start(this::run);
    }

    /**
     * Applies {@code mutation} and waits until it is durable. The wait ignores interrupts (restoring the flag
     * afterwards): once queued, the mutation may commit, and a caller told "failed" would delete data that a
     * committed record points to. Only a definite outcome is reported.
     */
    @SuppressWarnings("unchecked")
    <R> R commit(Mutation<R> mutation) throws StorageException, IOException {
        CompletableFuture<Object> f = new CompletableFuture<>();
        synchronized (this) {
            if (closed || !thread.isAlive()) {
                throw new IOException("metadata store is closed");
            }
            queue.add(new Pending(mutation, f));
        }
        return (R) awaitDefinite(f);
    }

    /** Waits for a queued mutation's result, ignoring interrupts until it is known (see {@link #commit}). */
    private static Object awaitDefinite(CompletableFuture<Object> f) throws StorageException, IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof StorageException se) {
                throw se;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One mutation's outcome in {@link #commitAll}: its value, or the precondition that refused it. */
    record Outcome<R>(R value, StorageException error) {}

    /**
     * Applies independent mutations, each atomically on its own (one failing does not undo another), queued
     * together so that they share group commits: a 1000-key DeleteObjects costs a few WAL fsyncs, not 1000.
     */
    @SuppressWarnings("unchecked")
    <R> List<Outcome<R>> commitAll(List<? extends Mutation<R>> mutations) throws IOException {
        List<CompletableFuture<Object>> futures = new ArrayList<>(mutations.size());
        synchronized (this) {
            if (closed || !thread.isAlive()) {
                throw new IOException("metadata store is closed");
            }
            for (Mutation<R> m : mutations) {
                CompletableFuture<Object> f = new CompletableFuture<>();
                futures.add(f);
                queue.add(new Pending(m, f));
            }
        }
        List<Outcome<R>> out = new ArrayList<>(futures.size());
        IOException failure = null;
        for (CompletableFuture<Object> f : futures) {
            try {
                out.add(new Outcome<>((R) awaitDefinite(f), null));
            } catch (StorageException e) {
                out.add(new Outcome<>(null, e));
            } catch (IOException e) {
                // Keep waiting for the rest, so every mutation has a definite outcome before we report.
                failure = failure == null ? e : failure;
                out.add(null);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            boolean stop = group.remove(stopSignal);
            commitGroup(group);
            group.clear();
            if (stop) {
                drainRemaining();
                stopSignal.result().complete(null);
                return;
            }
        }
    }

    private void commitGroup(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Object> results = new ArrayList<>(group.size());
        List<Runnable> after = new ArrayList<>();
        boolean writesBuckets = false;
        try (WriteBatch batch = new WriteBatch()) {
            var overlay = new HashMap<Txn.CfKey, byte[]>();
            for (Pending p : group) {
                Txn txn = new Txn(db, overlay);
                try {
                    Object r = p.mutation().apply(txn);
                    txn.flushTo(batch);
                    writesBuckets |= txn.writesBuckets();
                    after.addAll(txn.afterCommitActions());
                    results.add(r);
                } catch (StorageException | RuntimeException | Error e) {
                    // Even an Error only fails its own mutation: the committer thread must outlive it, or
                    // every writer of the node would wait forever.
                    results.add(new Failure(e));
                }
            }
            if (batch.count() > 0) {
                try {
                    long start = System.nanoTime();
                    db.writeSync(batch);
                    events.groupCommitted(group.size(), System.nanoTime() - start);
                } finally {
                    // Before anyone is acknowledged, and even if the write failed (it may have been applied).
                    if (writesBuckets) {
                        db.bucketCache().invalidate();
                    }
                }
            }
        } catch (RocksDBException | RuntimeException | Error e) {
            if (DiskSpace.full(e) != null) {
                // Not a fault of the node: answered 507; RocksDB resumes by itself once space is back.
                LOG.warn("metadata commit refused for a group of {}: {}", group.size(), e.getMessage());
            } else {
                LOG.error("metadata commit failed for a group of {}", group.size(), e);
            }
            IOException io = new IOException("metadata commit failed: " + e.getMessage(), e);
            group.forEach(p -> p.result().completeExceptionally(io));
            return;
        }
        for (Runnable r : after) {
            try {
                r.run();
            } catch (RuntimeException | Error e) {
                LOG.error("after-commit action failed (the janitor repairs it at next start)", e);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            Object r = results.get(i);
            if (r instanceof Failure f) {
                group.get(i).result().completeExceptionally(f.cause());
            } else {
                group.get(i).result().complete(r);
            }
        }
    }

    private void drainRemaining() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(p -> p.result().completeExceptionally(new IOException("metadata store is closed")));
    }

    private record Failure(Throwable cause) {}

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            // Last in the queue: every mutation accepted before it is still committed.
            queue.add(stopSignal);
        }
        try {
            stopSignal.result().get();
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
