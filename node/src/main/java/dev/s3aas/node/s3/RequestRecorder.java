package dev.s3aas.node.s3;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every S3 request once, when Jetty completes its response (so a streamed GET counts until its last byte
 * is out): one access-log line on logger {@code s3aas.s3.access} (at INFO; the shipped logback.xml keeps it at WARN
 * unless {@code S3AAS_S3_ACCESS_LOG_LEVEL=INFO}, since at tens of thousands of requests a second the line costs a
 * quarter of the throughput) and the meters
 * (Prometheus names after Micrometer's conventions):
 * <ul>
 *   <li>{@code s3aas_s3_requests_seconds} — a histogram per {@code operation} (the AWS name, e.g. PutObject; "none"
 *       for requests refused before they were routed, "Preflight" for CORS OPTIONS) and {@code status} class
 *       (2xx … 5xx, or "aborted" when the connection failed before the response completed);</li>
 *   <li>{@code s3aas_s3_errors_total} by S3 error {@code code};</li>
 *   <li>{@code s3aas_s3_requests_in_flight};</li>
 *   <li>{@code s3aas_s3_received_bytes_total} and {@code s3aas_s3_sent_bytes_total}: request and response bodies.</li>
 * </ul>
 * Meters are created on first use and then found by array index, so the per-request cost is a few atomic updates:
 * no tag maps, no registry lookups. Buckets are fixed (1 ms … 30 s) rather than Micrometer's percentile histogram,
 * to keep the exposition to 17 series per operation and status.
 */
final class RequestRecorder {
    private static final Logger ACCESS = LoggerFactory.getLogger("s3aas.s3.access");
    private static final String[] STATUS = {"1xx", "2xx", "3xx", "4xx", "5xx", "aborted"};
    private static final int ABORTED = 5;
    private static final int NONE_OP = S3Operation.values().length;
    private static final int PREFLIGHT_OP = NONE_OP + 1;
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    /** Null when metrics are off; the access log is independent of it. */
    private final MeterRegistry registry;
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>((PREFLIGHT_OP + 1) * STATUS.length);
    private final AtomicReferenceArray<Counter> errors = new AtomicReferenceArray<>(S3ErrorCode.values().length);
    /** Adders, not atomics: 64 request threads updating one counter would contend on its cache line. */
    private final LongAdder inFlight = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();

    /** @param registry where the meters go, or null for no metrics */
    RequestRecorder(MeterRegistry registry) {
        this.registry = registry;
        if (registry != null) {
            Gauge.builder("s3aas.s3.requests.in.flight", inFlight, LongAdder::sum)
                    .description("S3 requests being served").register(registry);
            FunctionCounter.builder("s3aas.s3.received", received, LongAdder::sum).baseUnit("bytes")
                    .description("Bytes of S3 request bodies (as declared by Content-Length)").register(registry);
            FunctionCounter.builder("s3aas.s3.sent", sent, LongAdder::sum).baseUnit("bytes")
                    .description("Bytes of S3 response bodies (as declared by Content-Length)").register(registry);
        }
    }

    /** Starts recording a request; the returned tracker is the callback that must complete it. */
    Tracker start(Request request, Response response, Callback callback, String requestId) {
        inFlight.increment();
        return new Tracker(request, response, callback, requestId);
    }

    /** "PutObject" for PUT_OBJECT: the operation's name in the AWS API reference. */
    static String awsName(S3Operation op) {
        StringBuilder out = new StringBuilder();
        for (String part : op.name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String opName(int op) {
        return op == NONE_OP ? "none" : op == PREFLIGHT_OP ? "Preflight" : awsName(S3Operation.values()[op]);
    }

    private Timer timer(int op, int status) {
        int i = op * STATUS.length + status;
        Timer t = timers.get(i);
        if (t == null) {
            t = Timer.builder("s3aas.s3.requests").description("S3 requests by operation and status class")
                    .tag("operation", opName(op)).tag("status", STATUS[status])
                    .serviceLevelObjectives(BUCKETS).register(registry);
            timers.compareAndSet(i, null, t);
        }
        return t;
    }

    private void countError(S3ErrorCode code) {
        if (registry == null) {
            return;
        }
        Counter c = errors.get(code.ordinal());
        if (c == null) {
            c = Counter.builder("s3aas.s3.errors").description("S3 error responses by error code")
                    .tag("code", code.wireName).register(registry);
            errors.compareAndSet(code.ordinal(), null, c);
        }
        c.increment();
    }

    /**
     * Counted from the declared lengths rather than on the wire: Jetty's network-traffic listener costs a callback
     * and a buffer view per read and write, which measured as several percent of a 4 KiB GET; a body sent with
     * chunked encoding (none of ours but listings, which are small) is not counted.
     */
    private void countBytesOf(Request request, Response response, int status) {
        long in = request.getLength();
        if (in > 0) {
            received.add(in);
        }
        if (status != ABORTED && !"HEAD".equals(request.getMethod())) {
            long out = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (out > 0) {
                sent.add(out);
            }
        }
    }

    /** One request being recorded: the callback Jetty completes it with, wrapped. */
    final class Tracker extends Callback.Nested {
        private final long start = System.nanoTime();
        private final Request request;
        private final Response response;
        private final String requestId;
        private int op = NONE_OP;
        private S3ErrorCode error;

        private Tracker(Request request, Response response, Callback callback, String requestId) {
            super(callback);
            this.request = request;
            this.response = response;
            this.requestId = requestId;
        }

        /** The request was routed to {@code operation}. */
        void operation(S3Operation operation) {
            op = operation.ordinal();
        }

        /** The request is a CORS preflight ({@code OPTIONS}), which is not an S3 operation of its own. */
        void preflight() {
            op = PREFLIGHT_OP;
        }

        /** The request is answered with {@code code}. */
        void error(S3ErrorCode code) {
            error = code;
            countError(code);
        }

        @Override
        public void succeeded() {
            int status = response.getStatus() / 100;
            finish(status >= 1 && status <= 5 ? status - 1 : ABORTED);
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            finish(ABORTED);
            super.failed(x);
        }

        private void finish(int status) {
            inFlight.decrement();
            long nanos = System.nanoTime() - start;
            if (registry != null) {
                timer(op, status).record(nanos, TimeUnit.NANOSECONDS);
                countBytesOf(request, response, status);
            }
            if (ACCESS.isInfoEnabled()) {
                // The path, not the query: presigned URLs carry their signature (a credential) in the query.
                ACCESS.info("{} {} {} {} {} {} {} {}us", requestId, Request.getRemoteAddr(request), request.getMethod(),
                        request.getHttpURI().getPath(),
                        opName(op), status == ABORTED ? "aborted" : response.getStatus(),
                        error == null ? "-" : error.wireName, nanos / 1000);
            }
        }
    }
}
