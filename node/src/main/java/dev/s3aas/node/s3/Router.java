package dev.s3aas.node.s3;

/**
 * Maps method + bucket + key + sub-resource query parameters to one {@link S3Operation}. Routing only
 * classifies; it does no I/O and no authorization.
 */
final class Router {
    /** Sub-resources that exist in S3 but that this node does not implement: answered 501, never misrouted. */
    private static final String[] UNSUPPORTED_BUCKET = {
        "accelerate", "analytics", "cors", "intelligent-tiering", "inventory", "lifecycle", "logging",
        "metrics", "notification", "ownershipControls", "publicAccessBlock", "replication", "requestPayment",
        "website", "acl", "tagging", "policy", "policyStatus", "versioning", "versions", "uploads",
        "encryption", "object-lock"};
    private static final String[] UNSUPPORTED_OBJECT = {
        "acl", "tagging", "retention", "legal-hold", "attributes", "torrent", "restore", "select", "uploads",
        "uploadId"};

    private Router() {}

    static S3Operation route(String method, String bucket, String key, QueryParams q) throws S3Exception {
        if (bucket == null) {
            if (method.equals("GET")) {
                return S3Operation.LIST_BUCKETS;
            }
            throw notAllowed();
        }
        return key == null ? bucketOperation(method, q) : objectOperation(method, q);
    }

    private static S3Operation bucketOperation(String method, QueryParams q) throws S3Exception {
        S3Operation policy = BucketPolicyOperations.route(method, q);
        if (policy != null) {
            return policy;
        }
        switch (method) {
            case "GET" -> {
                if (q.has("location")) {
                    return S3Operation.GET_BUCKET_LOCATION;
                }
                unsupported(q, UNSUPPORTED_BUCKET);
                return "2".equals(q.get("list-type")) ? S3Operation.LIST_OBJECTS_V2 : S3Operation.LIST_OBJECTS;
            }
            case "PUT" -> {
                unsupported(q, UNSUPPORTED_BUCKET);
                return S3Operation.CREATE_BUCKET;
            }
            case "HEAD" -> {
                return S3Operation.HEAD_BUCKET;
            }
            case "DELETE" -> {
                unsupported(q, UNSUPPORTED_BUCKET);
                return S3Operation.DELETE_BUCKET;
            }
            case "POST" -> {
                if (q.has("delete")) {
                    return S3Operation.DELETE_OBJECTS;
                }
                throw notAllowed();
            }
            default -> throw notAllowed();
        }
    }

    private static S3Operation objectOperation(String method, QueryParams q) throws S3Exception {
        switch (method) {
            case "GET" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                return S3Operation.GET_OBJECT;
            }
            case "HEAD" -> {
                return S3Operation.HEAD_OBJECT;
            }
            case "PUT" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                return S3Operation.PUT_OBJECT;
            }
            case "DELETE" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                return S3Operation.DELETE_OBJECT;
            }
            case "POST" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                throw notAllowed();
            }
            default -> throw notAllowed();
        }
    }

    private static void unsupported(QueryParams q, String[] names) throws S3Exception {
        for (String n : names) {
            if (q.has(n)) {
                throw new S3Exception(S3ErrorCode.NotImplemented,
                        "The '" + n + "' sub-resource is not implemented by this server.");
            }
        }
    }

    private static S3Exception notAllowed() {
        return new S3Exception(S3ErrorCode.MethodNotAllowed);
    }
}
