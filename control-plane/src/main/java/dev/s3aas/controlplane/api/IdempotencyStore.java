package dev.s3aas.controlplane.api;

import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Remembers the first successful response of a POST sent with an {@code Idempotency-Key} header,
 * per caller, so a client that retries after a lost response gets the same answer instead of a
 * duplicate (or a 409). Entries expire after a day.
 *
 * <p>Protocol: {@link #claim} reserves the key atomically (INSERT … ON CONFLICT DO NOTHING, on SQLite
 * and PostgreSQL alike) before the endpoint runs, so of two concurrent requests with one key only one
 * executes; the other sees the reservation ({@link Claim.Busy}). {@link #complete} stores the
 * response in the reservation; {@link #release} drops it when the request failed, so it may be
 * retried. A reservation whose request died (crash, or a failed {@code complete}) is abandoned after
 * {@link #ABANDONED_AFTER} and the key can be claimed again.
 *
 * <p>A create response can carry a secret shown only once (an access key's {@code secret_key}), so
 * stored bodies are sealed with the master key ({@link SecretBox}), like every other secret at rest.
 * In the table, {@code status_code} 0 marks a reservation whose response is not known yet.
 */
public final class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final int RESERVED = 0;

    private final Database db;
    private final SecretBox secrets;
    private final Clock clock;

    public IdempotencyStore(Database db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A stored response. */
    public record Stored(String method, String path, int status, String body) {}

    /** What a claim found. */
    public sealed interface Claim {
        /** The key is now reserved for this request, which must {@link #complete} or {@link #release} it. */
        record Reserved() implements Claim {}

        /** Another request with this key is still running (its method and path). */
        record Busy(String method, String path) implements Claim {}

        /** A request with this key already succeeded: answer with its response. */
        record Done(Stored response) implements Claim {}
    }

    /** Reserves {@code key} for a request of {@code scope}, or reports the request that holds it. */
    public Claim claim(String scope, String key, String method, String path) {
        long now = clock.millis();
        Optional<Stored> prior = db.write(h -> {
            h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :oldest "
                            + "OR (status_code = :reserved AND created_at < :abandoned)")
                    .bind("oldest", now - RETENTION.toMillis()).bind("reserved", RESERVED)
                    .bind("abandoned", now - ABANDONED_AFTER.toMillis()).execute();
            // The holder may release its reservation between our INSERT and SELECT: then try again.
            for (int attempt = 0; attempt < 3; attempt++) {
                int inserted = h.createUpdate("INSERT INTO idempotency_keys "
                                + "(principal_id, idem_key, method, path, status_code, body, created_at) "
                                + "VALUES (:p, :k, :m, :path, :reserved, '', :now) ON CONFLICT DO NOTHING")
                        .bind("p", scope).bind("k", key).bind("m", method).bind("path", path)
                        .bind("reserved", RESERVED).bind("now", now).execute();
                Optional<Stored> holder = inserted == 1 ? Optional.empty() : find(h, scope, key);
                if (inserted == 1 || holder.isPresent()) {
                    return holder;
                }
            }
            throw new IllegalStateException("idempotency key " + key + " is neither free nor held");
        });
        if (prior.isEmpty()) {
            return new Claim.Reserved();
        }
        Stored s = prior.get();
        if (s.status() == RESERVED) {
            return new Claim.Busy(s.method(), s.path());
        }
        return new Claim.Done(new Stored(s.method(), s.path(), s.status(), unseal(s.body())));
    }

    private static Optional<Stored> find(Handle h, String scope, String key) {
        return h.createQuery("SELECT method, path, status_code, body FROM idempotency_keys "
                        + "WHERE principal_id = :p AND idem_key = :k")
                .bind("p", scope).bind("k", key)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .findOne();
    }

    /** Stores the successful response of the request that reserved {@code key}. */
    public void complete(String scope, String key, int status, String body) {
        String sealed = body.isEmpty() ? "" : secrets.encrypt(body);
        db.writeVoid(h -> h.createUpdate("UPDATE idempotency_keys SET status_code = :s, body = :b "
                        + "WHERE principal_id = :p AND idem_key = :k AND status_code = :reserved")
                .bind("s", status).bind("b", sealed).bind("p", scope).bind("k", key).bind("reserved", RESERVED)
                .execute());
    }

    /** Drops the reservation of a request that failed, so that a retry runs it again. */
    public void release(String scope, String key) {
        db.writeVoid(h -> h.createUpdate("DELETE FROM idempotency_keys "
                        + "WHERE principal_id = :p AND idem_key = :k AND status_code = :reserved")
                .bind("p", scope).bind("k", key).bind("reserved", RESERVED).execute());
    }

    /** Rows written before bodies were sealed hold plain JSON; they expire within a day. */
    private String unseal(String body) {
        return SecretBox.isSealed(body) ? secrets.decrypt(body) : body;
    }
}
