package dev.s3aas.node.storage;

/** The methods a CORS rule may allow: exactly the five S3 accepts in {@code AllowedMethod}. */
public enum CorsMethod {
    GET, PUT, POST, DELETE, HEAD
}
