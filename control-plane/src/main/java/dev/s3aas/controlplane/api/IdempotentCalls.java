package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.api.IdempotencyStore.Claim;
import dev.s3aas.controlplane.api.IdempotencyStore.Stored;
import dev.s3aas.controlplane.iam.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a POST that carries an {@code Idempotency-Key}: at most once per caller and key, replaying the
 * first successful response to retries (see {@link IdempotencyStore} for the reservation protocol).
 */
final class IdempotentCalls {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentCalls.class);

    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotentCalls(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    Reply call(Route route, ApiRequest request, String key, String requestId) throws IOException {
        // Authorise before looking: a replay hands out the stored response (possibly a secret shown
        // once), which the caller must still be allowed to get, as if the endpoint ran again.
        route.guard().check(request);
        String scope = scope(request.principal());
        return switch (store.claim(scope, key, request.method(), request.path())) {
            case Claim.Done done -> replay(done.response(), request);
            case Claim.Busy busy -> {
                checkSameRequest(busy.method(), busy.path(), request);
                throw new ApiError.Conflict("idempotency_key_in_progress",
                        "a request with this Idempotency-Key is in progress; retry later", null);
            }
            case Claim.Reserved reserved -> execute(route, request, scope, key, requestId);
        };
    }

    /**
     * Keys are per user and token scope: a response created through a token narrowed to one project
     * is not replayed to a token for another project (or an unscoped one) of the same user.
     */
    private static String scope(Principal p) {
        return p.tokenProjectId() == null ? p.userId() : p.userId() + "/" + p.tokenProjectId();
    }

    private Reply execute(Route route, ApiRequest request, String scope, String key, String requestId)
            throws IOException {
        Reply reply;
        try {
            reply = Reply.of(route.endpoint().handle(request), json);
        } catch (RuntimeException | IOException e) {
            release(scope, key, requestId);
            throw e;
        }
        if (reply.status() >= 300) {
            release(scope, key, requestId);
            return reply;
        }
        try {
            store.complete(scope, key, reply.status(),
                    reply.body() == null ? "" : new String(reply.body(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // The create happened: answer with it rather than a 500 that invites a retry creating a
            // second one. The reservation stays (retries get 409 until it is abandoned). The body is
            // sealed before it reaches SQL, so the exception cannot carry a plaintext secret.
            LOG.error("{} {} {}: the response could not be stored for Idempotency-Key replays", requestId,
                    request.method(), request.path(), e);
        }
        return reply;
    }

    private void release(String scope, String key, String requestId) {
        try {
            store.release(scope, key);
        } catch (RuntimeException e) {
            LOG.error("{} cannot release an Idempotency-Key reservation; it is abandoned after {}", requestId,
                    IdempotencyStore.ABANDONED_AFTER, e);
        }
    }

    private static Reply replay(Stored prior, ApiRequest request) {
        checkSameRequest(prior.method(), prior.path(), request);
        byte[] body = prior.body().isEmpty() ? null : prior.body().getBytes(StandardCharsets.UTF_8);
        return new Reply(prior.status(), Map.of("Idempotent-Replayed", "true"), body);
    }

    private static void checkSameRequest(String method, String path, ApiRequest request) {
        if (!method.equals(request.method()) || !path.equals(request.path())) {
            throw new ApiError.Unprocessable("idempotency_key_reused",
                    "this Idempotency-Key was used for " + method + " " + path, null);
        }
    }
}
