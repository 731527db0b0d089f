package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.AuthResult;
import dev.s3aas.common.sigv4.PayloadStreams;
import dev.s3aas.common.sigv4.TrailingHeaders;
import dev.s3aas.node.auth.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * One S3 request in flight: what routing and authentication found, the decoded body, and response helpers.
 * Operations read from it and answer through it; they never touch Jetty directly.
 */
final class S3Exchange {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final JettyRequestView view;
    private final String requestId;
    private final String bucket;
    private final String key;
    private final QueryParams query;
    private AuthResult auth;
    private Identity identity = Identity.ANONYMOUS;
    private InputStream body;
    private boolean completed;

    S3Exchange(Request request, Response response, Callback callback, JettyRequestView view, String requestId,
               String bucket, String key, QueryParams query) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.view = view;
        this.requestId = requestId;
        this.bucket = bucket;
        this.key = key;
        this.query = query;
    }

    void authenticated(AuthResult auth, Identity identity) {
        this.auth = auth;
        this.identity = identity;
    }

    String requestId() {
        return requestId;
    }

    String method() {
        return request.getMethod();
    }

    boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    /** The bucket named by the request (path or virtual host), or null for service-level requests. */
    String bucket() {
        return bucket;
    }

    /** The decoded object key, or null for bucket-level requests. */
    String key() {
        return key;
    }

    QueryParams query() {
        return query;
    }

    Identity identity() {
        return identity;
    }

    /** How the request was authenticated; null before authentication. */
    AuthResult auth() {
        return auth;
    }

    /**
     * The TCP peer's IP address, unbracketed (what aws:SourceIp is: a proxy's X-Forwarded-For is not
     * trusted). Jetty's {@code Request.getRemoteAddr} brackets IPv6 addresses, which IpAddress conditions
     * would not parse.
     */
    String remoteAddress() {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof java.net.InetSocketAddress a
                && a.getAddress() != null) {
            return a.getAddress().getHostAddress();
        }
        return Request.getRemoteAddr(request);
    }

    boolean isSecure() {
        return request.isSecure();
    }

    boolean isAnonymous() {
        return identity instanceof Identity.Anonymous;
    }

    String header(String name) {
        return view.header(name);
    }

    java.util.List<String> headerValues(String name) {
        return view.headerValues(name);
    }

    HttpFields requestHeaders() {
        return request.getHeaders();
    }

    /** Declared body length: x-amz-decoded-content-length for aws-chunked bodies, else Content-Length; -1 if none. */
    long contentLength() throws S3Exception {
        String decoded = header("x-amz-decoded-content-length");
        String v = decoded != null ? decoded : header("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid content length: " + v);
        }
    }

    /** The request body as object bytes: aws-chunked framing removed, signatures and payload hash verified. */
    InputStream body() {
        if (body == null) {
            InputStream raw = Content.Source.asInputStream(request);
            body = auth == null ? raw : PayloadStreams.decode(auth, view, raw);
        }
        return body;
    }

    /** Trailing headers of an aws-chunked body (lower-case names); empty until the body was read to EOF. */
    Map<String, String> trailers() {
        return body instanceof TrailingHeaders t ? t.trailers() : Map.of();
    }

    HttpFields.Mutable responseHeaders() {
        return response.getHeaders();
    }

    void setHeader(String name, String value) {
        if (value != null) {
            response.getHeaders().put(name, value);
        }
    }

    /** Completes the exchange with an XML document. */
    void sendXml(int status, Xml xml) {
        byte[] bytes = xml.toBytes();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        complete(isHead() ? EMPTY : ByteBuffer.wrap(bytes));
    }

    /** Completes the exchange with a small body of the given type (bucket policy JSON). */
    void sendBytes(int status, String contentType, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        complete(isHead() ? EMPTY : ByteBuffer.wrap(bytes));
    }

    /** Completes the exchange with no body (status plus headers already set). */
    void sendEmpty(int status) {
        response.setStatus(status);
        if (status != 204 && status != 304 && !response.getHeaders().contains(HttpHeader.CONTENT_LENGTH)) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        }
        complete(EMPTY);
    }

    /** Starts a streamed body: status and headers (including Content-Length) must be set. */
    void beginStream(int status) {
        response.setStatus(status);
    }

    /** Writes part of a streamed body, blocking this (virtual) thread until the buffer is consumed. */
    void write(ByteBuffer buffer) throws IOException {
        try (Blocker.Callback cb = Blocker.callback()) {
            response.write(false, buffer, cb);
            cb.block();
        }
    }

    /**
     * A direct buffer from Jetty's pool, for streaming a body: file data is read into it and written from it
     * without further copies, and memory stays bounded (release it when done).
     */
    org.eclipse.jetty.io.RetainableByteBuffer acquireBuffer(int size) {
        return request.getComponents().getByteBufferPool().acquire(size, true);
    }

    void finishStream() {
        complete(EMPTY);
    }

    private void complete(ByteBuffer last) {
        completed = true;
        response.write(true, last, callback);
    }

    boolean isCompleted() {
        return completed;
    }
}
