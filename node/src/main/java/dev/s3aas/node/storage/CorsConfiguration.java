package dev.s3aas.node.storage;

import java.util.List;

/** A bucket's CORS configuration (PutBucketCors): its rules in the order given, the first match wins. */
public record CorsConfiguration(List<CorsRule> rules) {
    public CorsConfiguration {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
