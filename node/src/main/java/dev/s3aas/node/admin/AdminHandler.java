package dev.s3aas.node.admin;

import dev.s3aas.common.sigv4.AuthResult;
import dev.s3aas.common.sigv4.PayloadException;
import dev.s3aas.common.sigv4.PayloadStreams;
import dev.s3aas.common.sigv4.SigV4Exception;
import dev.s3aas.common.sigv4.SigV4Verifier;
import dev.s3aas.node.auth.CredentialStore;
import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.iam.IamStore;
import dev.s3aas.node.s3.JettyRequestView;
import dev.s3aas.node.scrub.ScrubWorker;
import dev.s3aas.node.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The MinIO-compatible admin API ({@code /minio/admin/v3/…}) and its plain-JSON RustFS spelling
 * ({@code /rustfs/admin/v3/…}). Placed in front of the S3 handler; it claims only those two path prefixes
 * (so, as in MinIO, keys under {@code admin/v3/} of a bucket named {@code minio} or {@code rustfs} are not
 * reachable through S3).
 * <ol>
 *   <li>SigV4 verification with the node's credentials (the admin clients sign like S3 clients, service
 *       {@code s3});</li>
 *   <li>only root may call: anyone else, signed or not, gets 403 AccessDenied;</li>
 *   <li>the command is looked up by method and path, the body read (≤ 1 MiB, payload hash verified);</li>
 *   <li>the operation answers; sensitive answers are encrypted on the MinIO path ({@link MadminCrypto}).</li>
 * </ol>
 * Errors are JSON documents ({@code {"Code","Message","Resource","RequestId"}}) like MinIO's admin errors.
 */
public final class AdminHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    /** The per-call line, on its own logger name so it can be tuned apart from the handler's diagnostics. */
    private static final Logger ACCESS = LoggerFactory.getLogger("s3aas.admin");
    private static final int MAX_BODY = 1024 * 1024;

    private final CredentialStore credentials;
    private final SigV4Verifier verifier;
    private final Map<String, AdminOperation> routes;
    private final AtomicLong ids = new AtomicLong(System.nanoTime());

    /** What the node reports in {@code info}. */
    public record Settings(String region, String version, java.time.Instant started, String deploymentId) {}

    public AdminHandler(CredentialStore credentials, IamStore iam, ObjectStore store, ScrubWorker scrub,
                        Settings settings, Clock clock) {
        this.credentials = credentials;
        this.verifier = new SigV4Verifier(credentials::secretFor, clock);
        this.routes = routes(iam, store, scrub, new InfoAdmin.NodeFacts(settings.region(), settings.version(),
                settings.started(), settings.deploymentId()));
    }

    private static Map<String, AdminOperation> routes(IamStore iam, ObjectStore store, ScrubWorker scrub,
                                                      InfoAdmin.NodeFacts facts) {
        Map<String, AdminOperation> r = new HashMap<>();
        r.put("PUT add-user", new UserAdmin.AddUser(iam));
        r.put("DELETE remove-user", new UserAdmin.RemoveUser(iam));
        r.put("GET list-users", new UserAdmin.ListUsers(iam));
        r.put("GET user-info", new UserAdmin.UserInfo(iam));
        r.put("PUT set-user-status", new UserAdmin.SetUserStatus(iam));
        r.put("PUT add-canned-policy", new PolicyAdmin.AddCannedPolicy(iam));
        r.put("DELETE remove-canned-policy", new PolicyAdmin.RemoveCannedPolicy(iam));
        r.put("GET list-canned-policies", new PolicyAdmin.ListCannedPolicies(iam));
        r.put("GET info-canned-policy", new PolicyAdmin.InfoCannedPolicy(iam));
        r.put("PUT set-user-or-group-policy", new PolicyAdmin.SetUserOrGroupPolicy(iam));
        r.put("POST idp/builtin/policy/attach", new PolicyAdmin.Associate(iam, true));
        r.put("POST idp/builtin/policy/detach", new PolicyAdmin.Associate(iam, false));
        r.put("PUT add-service-account", new ServiceAccountAdmin.Add(iam));
        r.put("POST update-service-account", new ServiceAccountAdmin.Update(iam));
        r.put("GET list-service-accounts", new ServiceAccountAdmin.ListAccounts(iam));
        r.put("GET info-service-account", new ServiceAccountAdmin.Info(iam));
        r.put("DELETE delete-service-account", new ServiceAccountAdmin.Delete(iam));
        r.put("PUT set-bucket-quota", new QuotaAdmin.SetBucketQuota(store));
        r.put("GET get-bucket-quota", new QuotaAdmin.GetBucketQuota(store));
        r.put("GET info", new InfoAdmin.Info(store, facts));
        r.put("GET datausageinfo", new InfoAdmin.DataUsage(store));
        r.put("POST kms/key/create", new KmsAdmin.CreateKey(store.kmsKeys()));
        r.put("POST kms/key/rotate", new KmsAdmin.RotateKey(store.kmsKeys()));
        r.put("GET kms/key/list", new KmsAdmin.ListKeys(store.kmsKeys()));
        r.put("GET kms/key/status", new KmsAdmin.KeyStatus(store.kmsKeys()));
        r.put("GET s3aas/scrub", new ScrubAdmin.Report(scrub));
        r.put("POST s3aas/scrub/start", new ScrubAdmin.Start(scrub));
        return Map.copyOf(r);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        AdminFlavor flavor = AdminFlavor.of(path);
        if (flavor == null) {
            return false;
        }
        long started = System.nanoTime();
        String requestId = Long.toHexString(ids.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
        String callerIds = CallerRequestIds.of(request.getHeaders().get(CallerRequestIds.HEADER));
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put(HttpHeader.SERVER, "s3aas");
        String command = path.substring(flavor.prefix.length());
        MDC.put(CallerRequestIds.MDC_KEY, callerIds);
        try {
            Result result = serve(request, response, callback, flavor, command, requestId);
            // One line per admin call: who asked (the caller's request ids, so one id finds the control plane's
            // request, its reconcile run and this call), what and how it ended. Never a query, body or secret.
            ACCESS.info("admin {} {} -> {} {} {}ms request_id={} node_request_id={}", request.getMethod(), command,
                    result.status(), result.code(), (System.nanoTime() - started) / 1_000_000, callerIds, requestId);
        } finally {
            MDC.remove(CallerRequestIds.MDC_KEY);
        }
        return true;
    }

    /** How an admin call ended: HTTP status and error code ({@code OK} on success). */
    private record Result(int status, String code) {}

    private Result serve(Request request, Response response, Callback callback, AdminFlavor flavor, String command,
                         String requestId) {
        String path = request.getHttpURI().getPath();
        try {
            JettyRequestView view = new JettyRequestView(request);
            AuthResult auth = verifier.verify(view);
            String secret = rootSecret(auth);
            AdminOperation op = routes.get(request.getMethod() + " " + command);
            if (op == null) {
                throw unknown(command);
            }
            byte[] body = readBody(auth, view, request);
            AdminReply reply = op.handle(new AdminCall(flavor, request.getHttpURI().getQuery(), body, secret,
                    request.getHeaders().get(HttpHeader.HOST)));
            boolean encrypt = reply.sensitive() && flavor == AdminFlavor.MINIO;
            send(response, callback, reply.status(), encrypt ? "application/octet-stream" : "application/json",
                    encrypt ? MadminCrypto.encrypt(reply.body(), secret) : reply.body());
            return new Result(reply.status(), "OK");
        } catch (AdminException e) {
            return error(request, response, callback, requestId, e.error().status, e.error().name(), e.getMessage());
        } catch (SigV4Exception e) {
            String code = e.error().name();
            int status = switch (e.error()) {
                case AccessDenied, SignatureDoesNotMatch, InvalidAccessKeyId, RequestTimeTooSkewed, ExpiredToken,
                     InvalidToken -> 403;
                case NotImplemented -> 501;
                default -> 400;
            };
            return error(request, response, callback, requestId, status, code, e.getMessage());
        } catch (PayloadException e) {
            return error(request, response, callback, requestId, 400, e.error().name(), e.getMessage());
        } catch (EofException e) {
            callback.failed(e);
            return new Result(499, "ClientClosed");
        } catch (IOException | RuntimeException e) {
            LOG.error("{} {} {} failed", requestId, request.getMethod(), path, e);
            return error(request, response, callback, requestId, 500, AdminError.InternalError.name(),
                    AdminError.InternalError.defaultMessage);
        }
    }

    /** The root secret (for payload encryption) if root signed the request; AccessDenied for anyone else. */
    private String rootSecret(AuthResult auth) throws AdminException {
        if (auth instanceof AuthResult.Authenticated a
                && credentials.identify(a.accessKeyId()) instanceof Identity.Root) {
            return credentials.secretFor(a.accessKeyId())
                    .orElseThrow(() -> new AdminException(AdminError.AccessDenied));
        }
        throw new AdminException(AdminError.AccessDenied,
                "Access Denied: the admin API is reserved to the node's root credentials.");
    }

    private AdminException unknown(String command) {
        for (String key : routes.keySet()) {
            if (key.substring(key.indexOf(' ') + 1).equals(command)) {
                return new AdminException(AdminError.MethodNotAllowed);
            }
        }
        return new AdminException(AdminError.NotImplemented,
                "The admin API '" + command + "' is not implemented by this server.");
    }

    private static byte[] readBody(AuthResult auth, JettyRequestView view, Request request) throws IOException,
            AdminException {
        try (InputStream in = PayloadStreams.decode(auth, view, Content.Source.asInputStream(request))) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new AdminException(AdminError.EntityTooLarge);
            }
            return body;
        }
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        if (body.length > 0) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static Result error(Request request, Response response, Callback callback, String requestId, int status,
                                String code, String message) {
        if (response.isCommitted()) {
            callback.failed(new IOException(code + ": " + message));
            return new Result(status, code);
        }
        LOG.debug("{} {} {} -> {} {}", requestId, request.getMethod(), request.getHttpURI().getPath(), code, message);
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("Code", code);
        doc.put("Message", message);
        doc.put("Resource", request.getHttpURI().getPath());
        doc.put("RequestId", requestId);
        send(response, callback, status, "application/json", AdminJson.write(doc));
        return new Result(status, code);
    }
}
