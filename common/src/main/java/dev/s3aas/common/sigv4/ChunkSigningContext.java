package dev.s3aas.common.sigv4;

import java.util.Objects;

/**
 * What the signatures of aws-chunked chunks and trailers chain from ("Transferring Payload in
 * Multiple Chunks", Amazon S3 API Reference): the request's signing key, timestamp, credential
 * scope and seed signature (the signature of the request itself). The key is not exposed.
 */
public final class ChunkSigningContext {
    private final SigningKey signingKey;
    private final String timestamp;
    private final String scope;
    private final String seedSignature;

    ChunkSigningContext(SigningKey signingKey, String timestamp, String scope,
            String seedSignature) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.seedSignature = Objects.requireNonNull(seedSignature, "seedSignature");
    }

    SigningKey signingKey() {
        return signingKey;
    }

    /** The request timestamp, ISO 8601 basic ({@code 20130524T000000Z}). */
    public String timestamp() {
        return timestamp;
    }

    /** The credential scope, {@code yyyymmdd/region/service/aws4_request}. */
    public String scope() {
        return scope;
    }

    /** The request signature, lower-case hex: the "previous signature" of the first chunk. */
    public String seedSignature() {
        return seedSignature;
    }

    @Override
    public String toString() {
        return "ChunkSigningContext[" + timestamp + ", " + scope + ", seed=" + seedSignature + "]";
    }
}
