package dev.s3aas.node.s3;

import dev.s3aas.node.storage.CorsConfiguration;
import dev.s3aas.node.storage.CorsRule;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * The {@code Access-Control-*} headers of a bucket's CORS rules. An actual request that carries {@code Origin}
 * gets them from the first matching rule, success or error alike (a browser script must be able to read an
 * error, presigned URLs included); a request without a match gets none, and the browser blocks the answer.
 */
final class CorsResponse {
    private final ObjectStore store;

    CorsResponse(ObjectStore store) {
        this.store = store;
    }

    /** The bucket's CORS configuration, or empty when it has none or does not exist. */
    ObjectStore store() {
        return store;
    }

    Optional<CorsConfiguration> of(String bucket) {
        try {
            return Optional.ofNullable(store.bucket(bucket).config().cors());
        } catch (StorageException e) {
            return Optional.empty();
        }
    }

    /** For an actual (non-preflight) request: adds the headers of the rule matching origin and method, if any. */
    void forRequest(String bucket, String origin, String method, HttpFields.Mutable headers) {
        of(bucket).flatMap(c -> CorsRules.match(c, origin, method, List.of()))
                .ifPresent(rule -> apply(rule, origin, headers));
    }

    static void apply(CorsRule rule, String origin, HttpFields.Mutable headers) {
        boolean any = rule.allowedOrigins().contains("*");
        headers.put("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        headers.put("Access-Control-Allow-Methods",
                String.join(", ", rule.allowedMethods().stream().map(Enum::name).toList()));
        if (!rule.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            headers.put("Access-Control-Max-Age", Integer.toString(rule.maxAgeSeconds()));
        }
        headers.put("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    }
}
