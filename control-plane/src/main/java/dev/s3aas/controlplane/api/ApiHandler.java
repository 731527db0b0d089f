package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3aas.controlplane.audit.RequestId;
import dev.s3aas.controlplane.iam.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP edge: reads a bounded JSON body, routes, authenticates, replays idempotent retries,
 * calls the endpoint and writes JSON. Object uploads and downloads are the exception: their routes take the
 * request body as a stream ({@link Route#rawBody()}) and answer with one ({@link StreamedBody}), because an
 * object (up to 5 GiB) must flow between the client and its node without being held here. Every error is translated here, once, into
 * {@code {code, message, field?}}. Runs on virtual threads, so endpoints may block.
 *
 * <p>Every request has an id ({@link RequestId}: the client's {@code X-Request-Id} when sane, else generated),
 * returned in {@code X-Request-Id} and in the MDC while it is served; the {@link RequestObserver} (access log,
 * audit trail) is told the outcome before the answer is written.
 */
public final class ApiHandler extends Handler.Abstract {
    /** Request bodies above this size are refused with 413. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Router router;
    private final Authenticator authenticator;
    private final IdempotentCalls idempotent;
    private final ObjectMapper json;
    private final RequestObserver observer;

    public ApiHandler(Router router, Authenticator authenticator, IdempotencyStore idempotency, ObjectMapper json,
            RequestObserver observer) {
        this.observer = observer;
        this.router = router;
        this.authenticator = authenticator;
        this.idempotent = new IdempotentCalls(idempotency, json);
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        RequestId requestId = RequestId.parse(request.getHeaders().get(RequestId.HEADER)).orElseGet(RequestId::generate);
        response.getHeaders().put(RequestId.HEADER, requestId.value());
        MDC.put(RequestId.MDC_KEY, requestId.value());
        try {
            Exchange.Builder exchange = new Exchange.Builder(requestId, request.getMethod(),
                    request.getHttpURI().getPath(), Request.getRemoteAddr(request));
            Outcome outcome = serve(request, exchange);
            Reply reply = outcome.reply();
            observer.completed(exchange.finish(reply.status(), outcome.errorCode(), reply.body(),
                    System.nanoTime() - started));
            reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            if (reply.stream() != null) {
                writeStream(response, callback, reply);
            } else {
                write(response, callback, reply.status(), reply.body());
            }
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
        return true;
    }

    /** A reply and, when it is an error, its code (for the observers). */
    private record Outcome(Reply reply, String errorCode) {}

    /** Routes, authenticates and calls the endpoint; every failure becomes its JSON error reply here. */
    private Outcome serve(Request request, Exchange.Builder exchange) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String requestId = MDC.get(RequestId.MDC_KEY);
        try {
            Router.Match match = router.match(method, path);
            Route route = match.route();
            exchange.route(route, match.params());
            Principal principal = route.authenticated() ? authenticate(request) : null;
            exchange.principal(principal);
            // A raw-body route (an object upload) streams the body itself, after its permission checks: it is
            // neither parsed nor bounded here, and a refused upload is answered before its first byte is read.
            JsonNode body = route.rawBody() ? null : readBody(request);
            exchange.requestBody(body);
            if (Exchange.isMutation(method)) {
                observer.beforeMutation();
            }
            ApiRequest.RawBody raw = route.rawBody() ? new ApiRequest.RawBody(Content.Source.asInputStream(request),
                    request.getLength(), request.getHeaders().get(HttpHeader.CONTENT_TYPE)) : null;
            ApiRequest apiRequest = new ApiRequest(method, path, match.params(), query(request), body, principal, raw);
            String idemKey = route.replayable() ? request.getHeaders().get("Idempotency-Key") : null;
            return new Outcome(idemKey == null ? Reply.of(route.endpoint().handle(apiRequest), json)
                    : idempotent.call(route, apiRequest, idemKey, requestId), null);
        } catch (ApiError e) {
            LOG.debug("{} {} {} -> {} {}", requestId, method, path, e.status(), e.getMessage());
            return new Outcome(new Reply(e.status(), Map.of(), errorBody(e.code(), e.getMessage(), e.field())), e.code());
        } catch (RuntimeException | IOException e) {
            LOG.error("{} {} {} failed", requestId, method, path, e);
            return new Outcome(new Reply(500, Map.of(),
                    errorBody("internal_error", "internal error; request id " + requestId, null)), "internal_error");
        }
    }

    private Principal authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError.Unauthenticated("a bearer token is required (POST /v1/auth/token)");
        }
        return authenticator.authenticate(header.substring(7).strip());
    }

    private JsonNode readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            throw new ApiError.TooLarge("request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiError.TooLarge("request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiError.Invalid("invalid_json", "the body is not valid JSON: " + e.getOriginalMessage(), null);
        }
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> out = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    private byte[] errorBody(String code, String message, String field) {
        ObjectNode n = json.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        if (field != null) {
            n.put("field", field);
        }
        try {
            return json.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a streamed body (an object's content) as it is read from its source, with blocking writes on this
     * virtual thread, so memory is one buffer whatever the size. The status and headers are committed with the
     * first bytes: a failure after that cannot become an error answer, so the response is aborted (the client
     * sees a cut connection, never a short body passing for the whole object).
     */
    private static void writeStream(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        try (StreamedBody body = reply.stream(); OutputStream out = Content.Sink.asOutputStream(response)) {
            body.writeTo(out);
        } catch (IOException | RuntimeException e) {
            LOG.info("{} streaming the response body failed: {}", MDC.get(RequestId.MDC_KEY), e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static void write(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        if (body == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
