package dev.s3aas.controlplane.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of one API request ({@code X-Request-Id}): the client's own when it is sane, else a generated UUID.
 * It is put in the SLF4J MDC under {@link #MDC_KEY} for the request's log lines, travels with the reconcile
 * work the request causes and is sent to every node admin call that work makes, so one id finds the whole
 * chain (API access line, audit record, reconcile run, node admin line).
 */
public record RequestId(String value) {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** At most this many ids travel together (a reconcile run that coalesced many changes). */
    public static final int MAX_CHAIN = 16;
    /** Ids a client may choose: short and harmless in logs, headers and file names (no spaces, no quotes). */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public RequestId {
        if (value == null || !SANE.matcher(value).matches()) {
            throw new IllegalArgumentException("a request id is 1 to 128 characters of [A-Za-z0-9._-]");
        }
    }

    public static RequestId generate() {
        return new RequestId(UUID.randomUUID().toString());
    }

    /** The client's id if sane; otherwise (absent, too long, odd characters) empty, and the caller generates one. */
    public static Optional<RequestId> parse(String header) {
        return header != null && SANE.matcher(header).matches() ? Optional.of(new RequestId(header)) : Optional.empty();
    }

    /** The id of the request this thread is serving (the MDC), if any: the first of a chain. */
    public static Optional<RequestId> current() {
        List<RequestId> chain = parseChain(MDC.get(MDC_KEY));
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.getFirst());
    }

    /** A chain as sent in one header and logged in one MDC value: ids joined by commas. */
    public static String join(List<RequestId> chain) {
        StringBuilder b = new StringBuilder();
        for (RequestId id : chain) {
            b.append(b.isEmpty() ? "" : ",").append(id.value());
        }
        return b.toString();
    }

    /** The sane ids of a comma-separated list, at most {@link #MAX_CHAIN}; insane entries are dropped. */
    public static List<RequestId> parseChain(String list) {
        List<RequestId> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String part : list.split(",", MAX_CHAIN + 1)) {
            if (out.size() == MAX_CHAIN) {
                break;
            }
            parse(part.strip()).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public String toString() {
        return value;
    }
}
