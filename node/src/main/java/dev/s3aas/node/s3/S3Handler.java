package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.PayloadException;
import dev.s3aas.common.sigv4.SigV4Exception;
import dev.s3aas.node.storage.DiskSpace;
import dev.s3aas.node.storage.IntegrityException;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Jetty handler: the path every S3 request takes.
 * <ol>
 *   <li>request id; health checks answered without authentication;</li>
 *   <li>addressing (bucket, key) and query parameters; a CORS preflight ({@code OPTIONS}) is answered here from
 *       the bucket's CORS rules, unauthenticated as in S3, and a request with {@code Origin} gets the matching
 *       rule's {@code Access-Control-*} headers whatever its outcome;</li>
 *   <li>authentication (signature) → identity;</li>
 *   <li>routing to an {@link S3Operation}, then authorization for that operation;</li>
 *   <li>name validation, then the operation itself.</li>
 * </ol>
 * Every failure is translated here, once, into an S3 error document. Runs on a virtual thread per request.
 */
final class S3Handler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(S3Handler.class);

    private final Addressing addressing;
    private final Authenticator authenticator;
    private final AccessControl accessControl;
    private final Map<S3Operation, Operation> operations;
    private final CorsResponse cors;
    private final Readiness readiness;
    private final OptionsObject preflight;
    private final RequestIds ids = new RequestIds();
    private final RequestRecorder recorder;
    private final MetricsEndpoint metrics;

    S3Handler(Addressing addressing, Authenticator authenticator, AccessControl accessControl,
              Map<S3Operation, Operation> operations, CorsResponse cors, Readiness readiness,
              RequestRecorder recorder, MetricsEndpoint metrics) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.cors = cors;
        this.readiness = readiness;
        this.preflight = new OptionsObject(cors);
        this.addressing = addressing;
        this.authenticator = authenticator;
        this.accessControl = accessControl;
        this.operations = operations;
    }

    @Override
    public boolean handle(Request request, Response response, Callback completion) {
        String requestId = ids.next();
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put("x-amz-id-2", requestId);
        response.getHeaders().put(HttpHeader.SERVER, "s3aas");
        JettyRequestView view = new JettyRequestView(request);
        if (Health.isHealthCheck(view)) {
            Health.answer(view, response, completion, readiness);
            return true;
        }
        if (metrics != null && MetricsEndpoint.isScrape(view)) {
            metrics.answer(request, response, completion, requestId);
            return true;
        }
        RequestRecorder.Tracker callback = recorder.start(request, response, completion, requestId);
        S3Exchange ex = null;
        S3Operation op = null;
        try {
            Addressing.Target target = addressing.resolve(view.header("Host"), view.rawPath());
            QueryParams query = QueryParams.parse(view.rawQuery());
            ex = new S3Exchange(request, response, callback, view, requestId, target.bucket(), target.key(), query);
            if (target.bucket() != null && "OPTIONS".equals(request.getMethod())) {
                callback.preflight();
                BucketName.parse(target.bucket());
                preflight.handle(ex);
                return true;
            }
            String origin = view.header("Origin");
            if (origin != null && target.bucket() != null) {
                cors.forRequest(target.bucket(), origin, request.getMethod(), response.getHeaders());
            }
            authenticator.authenticate(ex, view, target);
            op = Router.route(request.getMethod(), target.bucket(), target.key(), query,
                    view.header("x-amz-copy-source") != null, MultipartForm.boundary(view.header("Content-Type")) != null);
            callback.operation(op);
            accessControl.authorize(ex, op);
            validateNames(op, target);
            operations.get(op).handle(ex);
            if (!ex.isCompleted()) {
                throw new IllegalStateException(op + " returned without answering");
            }
        } catch (S3Exception e) {
            fail(ex, request, response, callback, requestId, e.code(), e.getMessage(), Map.of(), null);
        } catch (StorageException e) {
            if (e.error() == StorageError.NO_SUCH_KEY && hidesMissingKeys(op) && !accessControl.mayList(ex)) {
                fail(ex, request, response, callback, requestId, S3ErrorCode.AccessDenied, null, Map.of(), null);
                return true;
            }
            if (e.deleteMarkerVersionId() != null) {
                response.getHeaders().put("x-amz-delete-marker", "true");
                response.getHeaders().put("x-amz-version-id", e.deleteMarkerVersionId());
            }
            fail(ex, request, response, callback, requestId, ErrorMapper.map(e.error()), e.getMessage(), Map.of(), null);
        } catch (SigV4Exception e) {
            fail(ex, request, response, callback, requestId, ErrorMapper.map(e.error()), e.getMessage(), e.details(),
                    null);
        } catch (PayloadException e) {
            fail(ex, request, response, callback, requestId, ErrorMapper.map(e.error()), e.getMessage(), Map.of(), null);
        } catch (EofException e) {
            LOG.debug("{} client went away: {}", requestId, e.toString());
            callback.failed(e);
        } catch (IOException | RuntimeException e) {
            StorageException full = DiskSpace.full(e);
            if (full != null) {
                // Storage reports a full disk as raw I/O (it surfaces anywhere a file or RocksDB is written).
                LOG.warn("{} {} {} refused: {}", requestId, request.getMethod(), view.rawPath(), full.getMessage());
                fail(ex, request, response, callback, requestId, ErrorMapper.map(full.error()), null, Map.of(), e);
                return true;
            }
            IntegrityException damage = IntegrityException.in(e);
            if (damage != null) {
                // Stored data failed its checksum: one clear line (no stack, no data); never the damaged bytes.
                LOG.error("{} {} {} refused, stored data is damaged: {}", requestId, request.getMethod(), view.rawPath(),
                        damage.getMessage());
                fail(ex, request, response, callback, requestId, S3ErrorCode.InternalError, null, Map.of(), e);
                return true;
            }
            LOG.error("{} {} {} failed", requestId, request.getMethod(), view.rawPath(), e);
            fail(ex, request, response, callback, requestId, S3ErrorCode.InternalError, null, Map.of(), e);
        }
        return true;
    }

    /** Operations on the request's own key, whose absence only a caller who may list the bucket learns. */
    private static boolean hidesMissingKeys(S3Operation op) {
        return op != null && op.target == S3Operation.Target.OBJECT && op != S3Operation.COPY_OBJECT
                && op != S3Operation.UPLOAD_PART_COPY;
    }

    private static void validateNames(S3Operation op, Addressing.Target target) throws S3Exception {
        if (target.bucket() != null) {
            BucketName.parse(target.bucket());
        }
        if (target.key() != null && op.target == S3Operation.Target.OBJECT) {
            ObjectKey.parse(target.key());
        }
    }

    private void fail(S3Exchange ex, Request request, Response response, RequestRecorder.Tracker callback,
                      String requestId, S3ErrorCode code, String message, Map<String, String> details, Throwable cause) {
        callback.error(code);
        if ((ex != null && ex.isCompleted()) || response.isCommitted()) {
            // Headers (and maybe part of the body) are out: the only honest signal left is to abort.
            callback.failed(cause != null ? cause : new IOException(code + ": " + message));
            return;
        }
        if (code.status < 500) {
            LOG.debug("{} {} {} -> {} {} {}", requestId, request.getMethod(), request.getHttpURI().getPath(), code, message,
                    details);
        }
        ErrorDocument.send(request, response, callback, requestId, code, message, details,
                ex == null ? null : ex.bucket(), ex == null ? null : ex.key());
    }
}
