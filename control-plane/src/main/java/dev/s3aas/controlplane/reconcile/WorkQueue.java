package dev.s3aas.controlplane.reconcile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A de-duplicating work queue of instance ids with controller-runtime semantics: a key waits in
 * the queue at most once; a key being processed is never handed to a second worker; a key added
 * while it is processed is marked dirty and queued again when the worker is done, so no change is
 * lost and no two reconciles of one instance ever overlap.
 */
final class WorkQueue {
    private final Deque<String> ready = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Set<String> dirty = new HashSet<>();
    private boolean shutdown;

    synchronized void add(String key) {
        if (shutdown) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
            return;
        }
        if (queued.add(key)) {
            ready.addLast(key);
            notifyAll();
        }
    }

    /** Blocks for the next key; null once shut down. */
    synchronized String take() throws InterruptedException {
        while (ready.isEmpty() && !shutdown) {
            wait();
        }
        if (shutdown) {
            return null;
        }
        String key = ready.pollFirst();
        queued.remove(key);
        processing.add(key);
        return key;
    }

    synchronized void done(String key) {
        processing.remove(key);
        if (dirty.remove(key)) {
            add(key);
        }
    }

    /** Keys waiting plus keys being processed. */
    synchronized int depth() {
        return ready.size() + processing.size();
    }

    synchronized boolean idle() {
        return ready.isEmpty() && processing.isEmpty();
    }

    synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }
}
