package dev.s3aas.node.s3;

import dev.s3aas.common.tls.ServerTls;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.node.auth.CredentialStore;
import dev.s3aas.node.auth.MfaDevice;
import dev.s3aas.node.auth.UserPolicies;
import dev.s3aas.node.storage.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The S3 HTTP endpoint: Jetty 12 (core handlers, no servlets) with one virtual thread per request, and the
 * table of operations. Jetty's URI normalisation is off ({@link UriCompliance#UNSAFE}) because object keys
 * legitimately contain "..", "//" and encoded slashes; keys never become file paths, so this is safe here.
 * With {@link Settings#tls()} the one connector speaks HTTPS only ({@link ServerTls}: TLS 1.2 and 1.3, renewed
 * certificate files picked up while running); requests then are secure ({@code Request.isSecure()}), which is
 * what lets SSE-C keys and {@code aws:SecureTransport} through.
 */
public final class S3Server implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final ServerTls tls;

    /**
     * How the endpoint is configured: listen address, region, virtual-host domains, owner id for listings, and
     * the root account's MFA device for MFA delete (null: none, so MFA delete cannot be enabled), whether
     * SSE-C keys are accepted over plain HTTP, and the certificate and key to serve HTTPS with (null: HTTP).
     */
    public record Settings(InetSocketAddress address, String region, List<String> domains, String ownerId,
                           MfaDevice rootMfa, boolean sseCOverHttp, TlsFiles tls) {
        public Settings {
            domains = List.copyOf(domains);
        }

        public Settings(InetSocketAddress address, String region, List<String> domains, String ownerId) {
            this(address, region, domains, ownerId, null, false, null);
        }
    }

    private S3Server(Server server, ServerConnector connector, ServerTls tls) {
        this.server = server;
        this.connector = connector;
        this.tls = tls;
    }

    /**
     * @param users the identity policies of the IAM users that {@code credentials} knows
     * @param front handler tried before the S3 handler (the admin API, which claims its own paths); may be null
     * @param readiness what {@code /ready} reports
     * @param metrics {@code /metrics}, whose registry gets the request meters ({@link RequestRecorder}); null for
     *                no metrics
     */
    public static S3Server start(Settings settings, ObjectStore store, CredentialStore credentials,
                                 UserPolicies users, Handler front, Readiness readiness, MetricsEndpoint metrics)
            throws Exception {
        MeterRegistry registry = metrics == null ? null : metrics.registry();
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("s3-jetty");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        // Pooled buffers up to 1 MiB (Jetty's default pool stops at 64 KiB and allocates anything bigger anew, so a
        // GET streaming through 1 MiB direct buffers would allocate native memory per request), with a ceiling on
        // what the pool keeps.
        ArrayByteBufferPool buffers = new ArrayByteBufferPool(0, 4096, 1024 * 1024, 128, 16L << 20, 96L << 20);
        Server server = new Server(pool, null, buffers);
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.UNSAFE);
        // Signed header values must reach the verifier byte for byte; Jetty's header cache would otherwise
        // hand back its own spelling of common values (e.g. "charset=utf-8" for "charset=UTF-8"). And S3
        // requests rarely repeat a header value (x-amz-date, Authorization), so the cache only costs: with it,
        // trie lookups and inserts were the top Jetty frames of a small GET. Off.
        http.setHeaderCacheCaseSensitive(true);
        http.setHeaderCacheSize(0);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(64 * 1024);
        http.setOutputBufferSize(64 * 1024);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        // Upload bodies arrive in reads of this size: Jetty's 8 KiB default means eight times more wake-ups of
        // the reading virtual thread per MiB.
        h1.setInputBufferSize(64 * 1024);
        ServerTls tls = settings.tls() == null ? null : ServerTls.open(settings.tls());
        ConnectionFactory[] factories = tls == null ? new ConnectionFactory[] {h1} : tls.connectionFactories(h1);
        ServerConnector connector = new ServerConnector(server, 1, 1, factories);
        connector.setHost(settings.address().getHostString());
        connector.setPort(settings.address().getPort());
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        BucketPolicies bucketPolicies = new BucketPolicies(store);
        AccessControl access = new AccessControl(users, bucketPolicies, new AclAuthorization(store), Clock.systemUTC());
        Handler s3 = new S3Handler(new Addressing(settings.domains()),
                new Authenticator(credentials, Clock.systemUTC()), access,
                operations(settings, store, access, bucketPolicies, credentials), new CorsResponse(store), readiness,
                new RequestRecorder(registry), metrics);
        server.setHandler(front == null ? s3 : new Handler.Sequence(front, s3));
        server.setErrorHandler(new ProtocolErrors());
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            if (tls != null) {
                tls.close();
            }
            throw e;
        }
        return new S3Server(server, connector, tls);
    }

    private static Map<S3Operation, Operation> operations(Settings s, ObjectStore store, AccessControl access,
                                                          BucketPolicies bucketPolicies, CredentialStore credentials) {
        Map<S3Operation, Operation> ops = new EnumMap<>(S3Operation.class);
        MfaCheck mfa = new MfaCheck(s.rootMfa(), Clock.systemUTC());
        SseCustomerKey.Reader keys = new SseCustomerKey.Reader(s.sseCOverHttp());
        ops.put(S3Operation.LIST_BUCKETS, new ListBuckets(store, s.ownerId(), access));
        ops.put(S3Operation.CREATE_BUCKET, new CreateBucket(store, s.region(), s.ownerId()));
        ops.put(S3Operation.HEAD_BUCKET, new HeadBucket(store));
        ops.put(S3Operation.DELETE_BUCKET, new DeleteBucket(store));
        ops.put(S3Operation.GET_BUCKET_LOCATION, new GetBucketLocation(store));
        ops.put(S3Operation.LIST_OBJECTS, new ListObjects(store, s.ownerId()));
        ops.put(S3Operation.LIST_OBJECTS_V2, new ListObjectsV2(store, s.ownerId()));
        ops.put(S3Operation.DELETE_OBJECTS, new DeleteObjects(store, access, mfa));
        ops.put(S3Operation.PUT_OBJECT, new PutObject(store, s.ownerId(), keys));
        ops.put(S3Operation.POST_OBJECT, new PostObject(store, credentials, access, Clock.systemUTC()));
        ops.put(S3Operation.GET_OBJECT, new GetObject(store, keys));
        ops.put(S3Operation.HEAD_OBJECT, new HeadObject(store, keys));
        ops.put(S3Operation.DELETE_OBJECT, new DeleteObject(store, mfa));
        ops.put(S3Operation.COPY_OBJECT, new CopyObject(store, s.ownerId(), keys));
        ops.put(S3Operation.CREATE_MULTIPART_UPLOAD, new CreateMultipartUpload(store, s.ownerId(), keys));
        ops.put(S3Operation.UPLOAD_PART, new UploadPart(store, keys));
        ops.put(S3Operation.UPLOAD_PART_COPY, new UploadPartCopy(store, keys));
        ops.put(S3Operation.COMPLETE_MULTIPART_UPLOAD, new CompleteMultipartUpload(store));
        ops.put(S3Operation.ABORT_MULTIPART_UPLOAD, new AbortMultipartUpload(store));
        ops.put(S3Operation.LIST_PARTS, new ListParts(store, s.ownerId()));
        ops.put(S3Operation.LIST_MULTIPART_UPLOADS, new ListMultipartUploads(store, s.ownerId()));
        ops.put(S3Operation.GET_BUCKET_VERSIONING, new GetBucketVersioning(store));
        ops.put(S3Operation.PUT_BUCKET_VERSIONING, new PutBucketVersioning(store, mfa));
        ops.put(S3Operation.LIST_OBJECT_VERSIONS, new ListObjectVersions(store, s.ownerId()));
        ops.put(S3Operation.GET_BUCKET_TAGGING, new GetBucketTagging(store));
        ops.put(S3Operation.PUT_BUCKET_TAGGING, new PutBucketTagging(store));
        ops.put(S3Operation.DELETE_BUCKET_TAGGING, new DeleteBucketTagging(store));
        ops.put(S3Operation.GET_OBJECT_LOCK_CONFIGURATION, new GetObjectLockConfiguration(store));
        ops.put(S3Operation.PUT_OBJECT_LOCK_CONFIGURATION, new PutObjectLockConfiguration(store));
        ops.put(S3Operation.GET_OBJECT_TAGGING, new GetObjectTagging(store));
        ops.put(S3Operation.PUT_OBJECT_TAGGING, new PutObjectTagging(store));
        ops.put(S3Operation.DELETE_OBJECT_TAGGING, new DeleteObjectTagging(store));
        ops.put(S3Operation.GET_OBJECT_RETENTION, new GetObjectRetention(store));
        ops.put(S3Operation.PUT_OBJECT_RETENTION, new PutObjectRetention(store));
        ops.put(S3Operation.GET_OBJECT_LEGAL_HOLD, new GetObjectLegalHold(store));
        ops.put(S3Operation.PUT_OBJECT_LEGAL_HOLD, new PutObjectLegalHold(store));
        ops.put(S3Operation.GET_BUCKET_ENCRYPTION, new GetBucketEncryption(store));
        ops.put(S3Operation.PUT_BUCKET_ENCRYPTION, new PutBucketEncryption(store));
        ops.put(S3Operation.DELETE_BUCKET_ENCRYPTION, new DeleteBucketEncryption(store));
        ops.put(S3Operation.PUT_BUCKET_POLICY, new PutBucketPolicy(store));
        ops.put(S3Operation.GET_BUCKET_POLICY, new GetBucketPolicy(store));
        ops.put(S3Operation.DELETE_BUCKET_POLICY, new DeleteBucketPolicy(store));
        ops.put(S3Operation.GET_BUCKET_POLICY_STATUS, new GetBucketPolicyStatus(store, bucketPolicies));
        ops.put(S3Operation.PUT_BUCKET_CORS, new PutBucketCors(store));
        ops.put(S3Operation.GET_BUCKET_CORS, new GetBucketCors(store));
        ops.put(S3Operation.DELETE_BUCKET_CORS, new DeleteBucketCors(store));
        ops.put(S3Operation.PUT_BUCKET_WEBSITE, new PutBucketWebsite(store));
        ops.put(S3Operation.GET_BUCKET_WEBSITE, new GetBucketWebsite(store));
        ops.put(S3Operation.DELETE_BUCKET_WEBSITE, new DeleteBucketWebsite(store));
        ops.put(S3Operation.GET_BUCKET_LOGGING, new GetBucketLogging(store));
        ops.put(S3Operation.GET_BUCKET_NOTIFICATION_CONFIGURATION, new GetBucketNotificationConfiguration(store));
        ops.put(S3Operation.GET_BUCKET_REQUEST_PAYMENT, new GetBucketRequestPayment(store));
        ops.put(S3Operation.GET_BUCKET_ACCELERATE_CONFIGURATION, new GetBucketAccelerateConfiguration(store));
        ops.put(S3Operation.GET_BUCKET_REPLICATION, new GetBucketReplication(store));
        ops.put(S3Operation.GET_OBJECT_ATTRIBUTES, new GetObjectAttributes(store, keys));
        ops.put(S3Operation.GET_BUCKET_ACL, new GetBucketAcl(store, s.ownerId()));
        ops.put(S3Operation.PUT_BUCKET_ACL, new PutBucketAcl(store, s.ownerId()));
        ops.put(S3Operation.GET_OBJECT_ACL, new GetObjectAcl(store, s.ownerId()));
        ops.put(S3Operation.PUT_OBJECT_ACL, new PutObjectAcl(store, s.ownerId()));
        ops.put(S3Operation.GET_BUCKET_OWNERSHIP_CONTROLS, new GetBucketOwnershipControls(store));
        ops.put(S3Operation.PUT_BUCKET_OWNERSHIP_CONTROLS, new PutBucketOwnershipControls(store));
        ops.put(S3Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS, new DeleteBucketOwnershipControls(store));
        ops.put(S3Operation.GET_PUBLIC_ACCESS_BLOCK, new GetPublicAccessBlock(store));
        ops.put(S3Operation.PUT_PUBLIC_ACCESS_BLOCK, new PutPublicAccessBlock(store));
        ops.put(S3Operation.DELETE_PUBLIC_ACCESS_BLOCK, new DeletePublicAccessBlock(store));
        ops.put(S3Operation.PUT_BUCKET_LIFECYCLE_CONFIGURATION, new PutBucketLifecycleConfiguration(store));
        ops.put(S3Operation.GET_BUCKET_LIFECYCLE_CONFIGURATION, new GetBucketLifecycleConfiguration(store));
        ops.put(S3Operation.DELETE_BUCKET_LIFECYCLE, new DeleteBucketLifecycle(store));
        for (S3Operation op : S3Operation.values()) {
            if (!ops.containsKey(op)) {
                throw new IllegalStateException("no handler for " + op);
            }
        }
        return ops;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** "https" or "http". */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            if (tls != null) {
                tls.close();
            }
        }
    }
}
