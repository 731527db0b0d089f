package dev.s3aas.node.storage;

import java.util.List;

/**
 * One CORS rule as stored. Validation (one {@code *} per origin or header, known methods, limits) happens in
 * the protocol layer when the configuration is put; this is the value.
 *
 * @param id optional rule id, or null
 * @param maxAgeSeconds how long a browser may cache the preflight answer, or null
 */
public record CorsRule(String id, List<CorsMethod> allowedMethods, List<String> allowedOrigins,
                       List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {
    public CorsRule {
        allowedMethods = allowedMethods == null ? List.of() : List.copyOf(allowedMethods);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    }
}
