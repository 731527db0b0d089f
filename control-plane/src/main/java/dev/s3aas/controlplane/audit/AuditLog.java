package dev.s3aas.controlplane.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.Exchange;
import dev.s3aas.controlplane.api.RequestObserver;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: every API mutation (POST, PUT, PATCH, DELETE), successful or not, becomes one
 * {@link AuditRecord}, appended as one JSON line to {@code audit.log} and inserted into {@code audit_records}.
 *
 * <p>Which write is authoritative, and what a failure does. The file is written first and forced to disk; it
 * is the complete, append-only journal. The table is the queryable copy ({@code GET /v1/audit}). The records
 * are written after the endpoint ran (its own transaction has committed by then), so neither write can be
 * atomic with the change itself; instead the trail <em>fails closed before</em> a change: a mutation is
 * refused with 503 {@code audit_unavailable} while the file cannot be written, so no change is made that the
 * journal could not take. A row that cannot be inserted afterwards (the database failed between the change
 * and the insert) is logged at ERROR with its id and request id, and the answer is not changed: the change is
 * committed, and a 500 would invite a retry that repeats it. The journal has the record.
 */
public final class AuditLog implements RequestObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String TOKEN_ROUTE = "/v1/auth/token";
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private final AuditFile file;
    private final Database db;
    private final AuditRepository repo = new AuditRepository();
    private final Targets targets = new Targets(repo);
    private final Clock clock;

    public AuditLog(Path file, Database db, Clock clock) {
        this.file = new AuditFile(file);
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void beforeMutation() {
        if (!file.writable()) {
            throw new ApiError.Unavailable("audit_unavailable",
                    "the audit log cannot be written; changes are refused until it can");
        }
    }

    @Override
    public void completed(Exchange x) {
        if (!x.mutation()) {
            return;
        }
        AuditRecord record = record(x);
        try {
            file.append(line(record));
        } catch (IOException e) {
            LOG.error("audit record {} (request {}) could not be appended to the audit log: {}", record.id(),
                    record.requestId(), e.toString());
        }
        try {
            db.writeVoid(h -> repo.insert(h, record));
        } catch (RuntimeException e) {
            LOG.error("audit record {} (request {}) is in the audit log but not in the audit table: {}", record.id(),
                    record.requestId(), e.toString());
        }
    }

    AuditRecord record(Exchange x) {
        Targets.Target target;
        try {
            target = db.read(h -> targets.of(h, x));
        } catch (RuntimeException e) {
            LOG.warn("audit: the target of request {} could not be resolved: {}", x.requestId(), e.toString());
            target = new Targets.Target(null, null);
        }
        Principal p = x.principal();
        Instant now = clock.instant();
        return new AuditRecord(Ids.newId(), now, x.requestId().value(), p != null ? p.name() : claimedUser(x),
                p == null ? null : p.userId(), p == null ? null : p.tokenId(), Actions.of(x.route()), x.method(),
                x.route() == null ? null : x.route().template(), x.path(), target.project(), target.instance(),
                x.client(), x.status(), x.durationMillis(), x.errorCode());
    }

    /** The user name a password grant asked for: the only field ever read from a request body. */
    private static String claimedUser(Exchange x) {
        if (x.route() == null || !TOKEN_ROUTE.equals(x.route().template()) || x.requestBody() == null) {
            return null;
        }
        JsonNode u = x.requestBody().path("username");
        return u.isTextual() && u.asText().length() <= 128 ? u.asText() : null;
    }

    static byte[] line(AuditRecord r) {
        try {
            return (JSON.writeValueAsString(r.view()) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    AuditRepository repository() {
        return repo;
    }

    @Override
    public void close() {
        file.close();
    }
}
