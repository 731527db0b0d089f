package dev.s3aas.common.sigv4;

import java.util.List;
import java.util.Map;

/**
 * What authentication needs from an incoming HTTP request. The server adapts its request object
 * to this without copying; every method may be called several times per verification.
 */
public interface RequestView {
    String method();

    /** The path as received: percent-encoded, without the query. */
    String rawPath();

    /** The query as received (percent-encoded, without '?'); null or empty when there is none. */
    String rawQuery();

    /**
     * All values of a header in the order received; lookup is case-insensitive. Returns an empty
     * list when absent. For HTTP/2 the {@code host} values are the {@code :authority}.
     */
    List<String> headerValues(String name);

    /** The names of the headers present, each once, in any case. */
    Iterable<String> headerNames();

    /** The first value of a header, or null. */
    default String header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * A request held in memory (clients, tests, the benchmark). Header names keep their case; the
     * entries keep their order, and repeated names are repeated values.
     */
    static RequestView of(String method, String rawPath, String rawQuery,
            List<Map.Entry<String, String>> headers) {
        return new ListRequestView(method, rawPath, rawQuery, headers);
    }
}
