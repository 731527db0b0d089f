package dev.s3aas.node.s3;

import dev.s3aas.node.storage.CorsConfiguration;
import dev.s3aas.node.storage.CorsRule;
import dev.s3aas.node.storage.StorageException;
import java.util.List;

/**
 * OPTIONS /bucket[/key] — a browser's CORS preflight ("OPTIONS object" in the S3 API reference). It is
 * unauthenticated, as in S3: the bucket's CORS rules alone decide. 400 without {@code Origin} or
 * {@code Access-Control-Request-Method}, 403 when the bucket has no CORS configuration or no rule allows the
 * origin, method and every requested header; otherwise 200 with the {@code Access-Control-*} headers.
 */
record OptionsObject(CorsResponse cors) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        String origin = ex.header("Origin");
        if (origin == null || origin.isEmpty()) {
            throw new S3Exception(S3ErrorCode.BadRequest, "Insufficient information. Origin request header needed.");
        }
        String method = ex.header("Access-Control-Request-Method");
        if (method == null || method.isEmpty()) {
            throw new S3Exception(S3ErrorCode.BadRequest, "Invalid Access-Control-Request-Method: null");
        }
        cors.store().bucket(ex.bucket()); // NoSuchBucket for a bucket that does not exist
        CorsConfiguration config = cors.of(ex.bucket()).orElseThrow(() -> new S3Exception(
                S3ErrorCode.AccessForbidden, "CORSResponse: CORS is not enabled for this bucket."));
        List<String> headers = CorsRules.requestedHeaders(ex.header("Access-Control-Request-Headers"));
        CorsRule rule = CorsRules.match(config, origin, method, headers).orElseThrow(() -> new S3Exception(
                S3ErrorCode.AccessForbidden, "CORSResponse: This CORS request is not allowed. This is usually because "
                        + "the evaluation of Origin, request method / Access-Control-Request-Method or "
                        + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."));
        CorsResponse.apply(rule, origin, ex.responseHeaders());
        if (!headers.isEmpty()) {
            ex.setHeader("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        ex.sendEmpty(200);
    }
}
