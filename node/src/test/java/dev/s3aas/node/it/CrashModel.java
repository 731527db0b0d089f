package dev.s3aas.node.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The crash loop's independent expectation of what the node holds: per bucket and key, the versions newest first
 * (an unversioned bucket's key has at most one, id {@code "null"}). Each key is written by one workload thread
 * only, so at a kill a key has at most one operation in flight; its {@link Pending} says what the key looks like
 * if that operation was applied. After a restart such a key must be either before or after, whole.
 */
final class CrashModel {
    /** A version id the node has not told us yet (the in-flight operation's new version). */
    static final String NEW = "*";

    /** One version as expected; {@code retainUntil} null outside the object-lock bucket. */
    record Ver(String versionId, boolean deleteMarker, String sha256, long size, Map<String, String> meta,
               Map<String, String> tags, Instant retainUntil) {
        static Ver marker(String versionId) {
            return new Ver(versionId, true, null, 0, Map.of(), Map.of(), null);
        }

        Ver withId(String id) {
            return new Ver(id, deleteMarker, sha256, size, meta, tags, retainUntil);
        }

        Ver withTags(Map<String, String> t) {
            return new Ver(versionId, deleteMarker, sha256, size, meta, t, retainUntil);
        }

        Ver withRetention(Instant until) {
            return new Ver(versionId, deleteMarker, sha256, size, meta, tags, until);
        }
    }

    /** The operation in flight on a key: its state before, and how it looks applied (new version id {@link #NEW}). */
    record Pending(String op, List<Ver> before, List<Ver> after) {}

    private final Map<String, List<Ver>> keys = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    static String id(String bucket, String key) {
        return bucket + "/" + key;
    }

    List<Ver> versions(String bucket, String key) {
        return keys.getOrDefault(id(bucket, key), List.of());
    }

    /** The latest version if it is an object (not a delete marker), else null. */
    Ver current(String bucket, String key) {
        List<Ver> v = versions(bucket, key);
        return v.isEmpty() || v.get(0).deleteMarker() ? null : v.get(0);
    }

    /** Records that {@code op} is about to be sent; {@code change} maps the versions to the applied state. */
    void begin(String bucket, String key, String op, UnaryOperator<List<Ver>> change) {
        List<Ver> before = versions(bucket, key);
        pending.put(id(bucket, key), new Pending(op, before, List.copyOf(change.apply(new ArrayList<>(before)))));
    }

    /** The operation was acknowledged: the key is in its after state, with the version id the node returned. */
    void acknowledged(String bucket, String key, String newVersionId) {
        Pending p = pending.remove(id(bucket, key));
        List<Ver> after = new ArrayList<>();
        for (Ver v : p.after()) {
            after.add(NEW.equals(v.versionId()) ? v.withId(newVersionId == null ? "null" : newVersionId) : v);
        }
        keys.put(id(bucket, key), List.copyOf(after));
    }

    Map<String, Pending> pending() {
        return pending;
    }

    Map<String, List<Ver>> all() {
        return keys;
    }

    /** After a restart: the observed state of an in-flight key is adopted (once checked whole). */
    void resolve(String id, List<Ver> observed) {
        pending.remove(id);
        if (observed.isEmpty()) {
            keys.remove(id);
        } else {
            keys.put(id, List.copyOf(observed));
        }
    }

    /** Whether {@code observed} equals {@code expected}, where a {@link #NEW} id matches any id not in {@code before}. */
    static boolean matches(List<Ver> expected, List<Ver> observed, List<Ver> before) {
        if (expected.size() != observed.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Ver e = expected.get(i);
            Ver o = observed.get(i);
            boolean idOk = NEW.equals(e.versionId())
                    ? before.stream().noneMatch(b -> b.versionId().equals(o.versionId()))
                    : e.versionId().equals(o.versionId());
            if (!idOk || !same(e, o)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Ver a, Ver b) {
        return a.deleteMarker() == b.deleteMarker() && Objects.equals(a.sha256(), b.sha256()) && a.size() == b.size()
                && a.meta().equals(b.meta()) && a.tags().equals(b.tags())
                && Objects.equals(a.retainUntil(), b.retainUntil());
    }
}
