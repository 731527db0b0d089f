package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.QueryParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded query parameters, first value wins. '+' decodes to a space, as S3 (and form encoding) treat it;
 * SDKs send spaces as %20 anyway. Names are case-sensitive, as in S3 ("uploadId", "partNumber").
 */
final class QueryParams {
    static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, String> params;

    private QueryParams(Map<String, String> params) {
        this.params = params;
    }

    /** Decodes with the same rules the signature verifier used, so routing sees what was signed. */
    static QueryParams parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (QueryParameters.Parameter p : QueryParameters.parse(rawQuery).all()) {
            m.putIfAbsent(p.name(), p.value());
        }
        return new QueryParams(m);
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    String get(String name) {
        return params.get(name);
    }
}
