package dev.s3aas.common.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A raw query string split into parameters, decoded the way signatures are checked, so that the
 * server's routing sees exactly what was signed.
 *
 * <p>'+' decodes to a space, as in HTML forms: spec-following clients (the AWS SDKs, minio-go)
 * send spaces as {@code %20} and a literal plus as {@code %2B}, so a raw '+' only comes from
 * clients that form-encode, and they mean a space; MinIO decodes the same way. (In a path a '+'
 * is a literal plus: see {@link UriEncoding#canonicalUri}.) A parameter without '=' has an empty
 * value; empty pieces ({@code a&&b}) are skipped.
 */
public final class QueryParameters {
    private static final QueryParameters EMPTY = new QueryParameters(List.of());

    /** One parameter, decoded, with the raw (received) forms the canonical query is built from. */
    public record Parameter(String name, String value, String rawName, String rawValue) {
    }

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        List<Parameter> list = new ArrayList<>();
        int start = 0;
        int n = rawQuery.length();
        while (start <= n) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                int nameEnd = eq < 0 || eq > end ? end : eq;
                int valueStart = nameEnd == end ? end : nameEnd + 1;
                list.add(new Parameter(
                        UriEncoding.decode(rawQuery, start, nameEnd, true),
                        UriEncoding.decode(rawQuery, valueStart, end, true),
                        rawQuery.substring(start, nameEnd),
                        rawQuery.substring(valueStart, end)));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return new QueryParameters(Collections.unmodifiableList(list));
    }

    /** All parameters in the order received. */
    public List<Parameter> all() {
        return parameters;
    }

    /** The decoded value of the first parameter with this (case-sensitive) name, or null. */
    public String first(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }
}
