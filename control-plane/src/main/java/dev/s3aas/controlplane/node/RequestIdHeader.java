package dev.s3aas.controlplane.node;

import dev.s3aas.controlplane.audit.RequestId;
import java.net.http.HttpRequest;
import okhttp3.OkHttpClient;
import org.slf4j.MDC;

/**
 * Sends the request ids of the reconcile run (the MDC's {@code request_id}: the API requests whose change is
 * being applied) as {@code X-Request-Id} on calls to nodes and gateways, so a node's admin log line names the
 * API request behind it. Plain {@code X-Request-Id}, not {@code x-amz-request-id}: that is a response header
 * in S3, and SigV4 wants every {@code x-amz-*} request header signed; this one need not be.
 */
public final class RequestIdHeader {
    private RequestIdHeader() {}

    /** The ids of the calling thread's MDC, or null. */
    public static String current() {
        String ids = MDC.get(RequestId.MDC_KEY);
        return ids == null || ids.isEmpty() ? null : ids;
    }

    /** {@code client} sending {@code ids} on every call (sharing its pool and dispatcher), or itself when null. */
    public static OkHttpClient onto(OkHttpClient client, String ids) {
        if (ids == null) {
            return client;
        }
        // The MinIO SDK runs calls on OkHttp's dispatcher threads, where the caller's MDC is gone: the ids are
        // captured here, on the reconcile thread, when the per-pass client is opened.
        return client.newBuilder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().header(RequestId.HEADER, ids).build())).build();
    }

    /** Adds the calling thread's ids to a JDK request, if there are any. */
    public static HttpRequest.Builder onto(HttpRequest.Builder request) {
        String ids = current();
        return ids == null ? request : request.header(RequestId.HEADER, ids);
    }
}
