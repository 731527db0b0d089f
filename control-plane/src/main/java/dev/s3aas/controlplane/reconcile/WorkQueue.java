package dev.s3aas.controlplane.reconcile;

import dev.s3aas.controlplane.audit.RequestId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A de-duplicating work queue of instance ids with controller-runtime semantics: a key waits in
 * the queue at most once; a key being processed is never handed to a second worker; a key added
 * while it is processed is marked dirty and queued again when the worker is done, so no change is
 * lost and no two reconciles of one instance ever overlap.
 *
 * <p>Each add may name the request that caused it. Adds that coalesce into one run hand that run all their
 * causes, the newest {@link RequestId#MAX_CHAIN} of them (a burst of changes to one instance is one run, and
 * each request id of the burst must still find it); causes added while a run is in progress go to the next run.
 */
final class WorkQueue {
    /** One run's work: the key and the requests that caused it (empty for a resync). */
    record Work(String key, List<RequestId> causes) {
        Work {
            causes = List.copyOf(causes);
        }
    }

    private final Deque<String> ready = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, LinkedHashSet<RequestId>> causes = new HashMap<>();
    private boolean shutdown;

    synchronized void add(String key) {
        add(key, List.of());
    }

    synchronized void add(String key, List<RequestId> newCauses) {
        if (shutdown) {
            return;
        }
        if (!newCauses.isEmpty()) {
            LinkedHashSet<RequestId> c = causes.computeIfAbsent(key, k -> new LinkedHashSet<>());
            for (RequestId id : newCauses) {
                c.remove(id);
                c.add(id);
                if (c.size() > RequestId.MAX_CHAIN) {
                    c.remove(c.getFirst());
                }
            }
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

    /** Blocks for the next key and its causes; null once shut down. */
    synchronized Work take() throws InterruptedException {
        while (ready.isEmpty() && !shutdown) {
            wait();
        }
        if (shutdown) {
            return null;
        }
        String key = ready.pollFirst();
        queued.remove(key);
        processing.add(key);
        LinkedHashSet<RequestId> c = causes.remove(key);
        return new Work(key, c == null ? List.of() : new ArrayList<>(c));
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
