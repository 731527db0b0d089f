package dev.s3aas.controlplane.api;

import dev.s3aas.controlplane.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers the first successful response of a POST sent with an {@code Idempotency-Key} header,
 * per caller, so a client that retries after a lost response gets the same answer instead of a
 * duplicate (or a 409). Entries expire after a day.
 */
public final class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);

    private final Database db;
    private final Clock clock;

    public IdempotencyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A stored response. */
    public record Stored(String method, String path, int status, String body) {}

    public Optional<Stored> find(String principalId, String key) {
        long oldest = clock.millis() - RETENTION.toMillis();
        return db.read(h -> h.createQuery("SELECT method, path, status_code, body FROM idempotency_keys "
                        + "WHERE principal_id = :p AND idem_key = :k AND created_at >= :oldest")
                .bind("p", principalId).bind("k", key).bind("oldest", oldest)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .findOne());
    }

    /** Records a response; a concurrent retry that already stored one keeps the first. */
    public void remember(String principalId, String key, Stored response) {
        long now = clock.millis();
        db.writeVoid(h -> {
            h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :oldest")
                    .bind("oldest", now - RETENTION.toMillis()).execute();
            int exists = h.createQuery("SELECT COUNT(*) FROM idempotency_keys WHERE principal_id = :p AND idem_key = :k")
                    .bind("p", principalId).bind("k", key).mapTo(Integer.class).one();
            if (exists == 0) {
                h.createUpdate("INSERT INTO idempotency_keys (principal_id, idem_key, method, path, status_code, body, created_at) "
                                + "VALUES (:p, :k, :m, :path, :s, :b, :now)")
                        .bind("p", principalId).bind("k", key).bind("m", response.method())
                        .bind("path", response.path()).bind("s", response.status())
                        .bind("b", response.body()).bind("now", now).execute();
            }
        });
    }
}
