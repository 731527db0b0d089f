package dev.s3aas.node.s3;

/**
 * Maps method + bucket + key + sub-resource query parameters to one {@link S3Operation}. Routing only
 * classifies; it does no I/O and no authorization.
 */
final class Router {
    /** Sub-resources that exist in S3 but that this node does not implement: answered 501, never misrouted. */
    private static final String[] UNSUPPORTED_BUCKET = {
        "accelerate", "analytics", "intelligent-tiering", "inventory", "logging",
        "metrics", "notification", "replication", "requestPayment", "policy", "policyStatus"};
    private static final String[] UNSUPPORTED_OBJECT = {
        "torrent", "restore", "select"};

    private Router() {}

    /**
     * @param copySource whether the request carries {@code x-amz-copy-source}
     * @param form whether the body is {@code multipart/form-data} (a browser-based POST upload)
     */
    static S3Operation route(String method, String bucket, String key, QueryParams q, boolean copySource, boolean form)
            throws S3Exception {
        if (bucket == null) {
            if (method.equals("GET")) {
                return S3Operation.LIST_BUCKETS;
            }
            throw notAllowed();
        }
        if (key == null && form && method.equals("POST") && !q.has("delete")) {
            return S3Operation.POST_OBJECT;
        }
        return key == null ? bucketOperation(method, q) : objectOperation(method, q, copySource);
    }

    private static S3Operation bucketOperation(String method, QueryParams q) throws S3Exception {
        S3Operation policy = policyOperation(method, q);
        if (policy != null) {
            return policy;
        }
        S3Operation lifecycle = q.has("lifecycle") ? lifecycleOperation(method) : null;
        if (lifecycle != null) {
            return lifecycle;
        }
        switch (method) {
            case "GET" -> {
                if (q.has("location")) {
                    return S3Operation.GET_BUCKET_LOCATION;
                }
                if (q.has("uploads")) {
                    return S3Operation.LIST_MULTIPART_UPLOADS;
                }
                if (q.has("versioning")) {
                    return S3Operation.GET_BUCKET_VERSIONING;
                }
                if (q.has("versions")) {
                    return S3Operation.LIST_OBJECT_VERSIONS;
                }
                if (q.has("tagging")) {
                    return S3Operation.GET_BUCKET_TAGGING;
                }
                if (q.has("object-lock")) {
                    return S3Operation.GET_OBJECT_LOCK_CONFIGURATION;
                }
                if (q.has("encryption")) {
                    return S3Operation.GET_BUCKET_ENCRYPTION;
                }
                if (q.has("acl")) {
                    return S3Operation.GET_BUCKET_ACL;
                }
                if (q.has("ownershipControls")) {
                    return S3Operation.GET_BUCKET_OWNERSHIP_CONTROLS;
                }
                if (q.has("publicAccessBlock")) {
                    return S3Operation.GET_PUBLIC_ACCESS_BLOCK;
                }
                S3Operation config = bucketConfigRead(q);
                if (config != null) {
                    return config;
                }
                unsupported(q, UNSUPPORTED_BUCKET);
                return "2".equals(q.get("list-type")) ? S3Operation.LIST_OBJECTS_V2 : S3Operation.LIST_OBJECTS;
            }
            case "PUT" -> {
                if (q.has("versioning")) {
                    return S3Operation.PUT_BUCKET_VERSIONING;
                }
                if (q.has("tagging")) {
                    return S3Operation.PUT_BUCKET_TAGGING;
                }
                if (q.has("object-lock")) {
                    return S3Operation.PUT_OBJECT_LOCK_CONFIGURATION;
                }
                if (q.has("encryption")) {
                    return S3Operation.PUT_BUCKET_ENCRYPTION;
                }
                if (q.has("cors")) {
                    return S3Operation.PUT_BUCKET_CORS;
                }
                if (q.has("acl")) {
                    return S3Operation.PUT_BUCKET_ACL;
                }
                if (q.has("ownershipControls")) {
                    return S3Operation.PUT_BUCKET_OWNERSHIP_CONTROLS;
                }
                if (q.has("publicAccessBlock")) {
                    return S3Operation.PUT_PUBLIC_ACCESS_BLOCK;
                }
                if (q.has("website")) {
                    return S3Operation.PUT_BUCKET_WEBSITE;
                }
                unsupported(q, UNSUPPORTED_BUCKET);
                return S3Operation.CREATE_BUCKET;
            }
            case "HEAD" -> {
                return S3Operation.HEAD_BUCKET;
            }
            case "DELETE" -> {
                if (q.has("tagging")) {
                    return S3Operation.DELETE_BUCKET_TAGGING;
                }
                if (q.has("encryption")) {
                    return S3Operation.DELETE_BUCKET_ENCRYPTION;
                }
                if (q.has("cors")) {
                    return S3Operation.DELETE_BUCKET_CORS;
                }
                if (q.has("ownershipControls")) {
                    return S3Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS;
                }
                if (q.has("publicAccessBlock")) {
                    return S3Operation.DELETE_PUBLIC_ACCESS_BLOCK;
                }
                if (q.has("website")) {
                    return S3Operation.DELETE_BUCKET_WEBSITE;
                }
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

    /**
     * Reads of bucket configurations: those the node stores (CORS, website) and those it never has (logging,
     * notifications, requester pays, acceleration, replication), which answer what S3 answers for a bucket
     * without them rather than 501. Writes of the latter stay NotImplemented.
     */
    private static S3Operation bucketConfigRead(QueryParams q) {
        if (q.has("cors")) {
            return S3Operation.GET_BUCKET_CORS;
        }
        if (q.has("website")) {
            return S3Operation.GET_BUCKET_WEBSITE;
        }
        if (q.has("logging")) {
            return S3Operation.GET_BUCKET_LOGGING;
        }
        if (q.has("notification")) {
            return S3Operation.GET_BUCKET_NOTIFICATION_CONFIGURATION;
        }
        if (q.has("requestPayment")) {
            return S3Operation.GET_BUCKET_REQUEST_PAYMENT;
        }
        if (q.has("accelerate")) {
            return S3Operation.GET_BUCKET_ACCELERATE_CONFIGURATION;
        }
        if (q.has("replication")) {
            return S3Operation.GET_BUCKET_REPLICATION;
        }
        return null;
    }

    /** The {@code ?policy} and {@code ?policyStatus} sub-resources of a bucket; null for anything else. */
    private static S3Operation policyOperation(String method, QueryParams q) {
        if (q.has("policy")) {
            return switch (method) {
                case "PUT" -> S3Operation.PUT_BUCKET_POLICY;
                case "GET" -> S3Operation.GET_BUCKET_POLICY;
                case "DELETE" -> S3Operation.DELETE_BUCKET_POLICY;
                default -> null;
            };
        }
        if (q.has("policyStatus") && method.equals("GET")) {
            return S3Operation.GET_BUCKET_POLICY_STATUS;
        }
        return null;
    }

    /** GET, PUT, DELETE /bucket?lifecycle; other methods route as without the parameter. */
    private static S3Operation lifecycleOperation(String method) {
        return switch (method) {
            case "GET" -> S3Operation.GET_BUCKET_LIFECYCLE_CONFIGURATION;
            case "PUT" -> S3Operation.PUT_BUCKET_LIFECYCLE_CONFIGURATION;
            case "DELETE" -> S3Operation.DELETE_BUCKET_LIFECYCLE;
            default -> null;
        };
    }

    private static S3Operation objectOperation(String method, QueryParams q, boolean copySource) throws S3Exception {
        switch (method) {
            case "GET" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                if (q.has("tagging")) {
                    return S3Operation.GET_OBJECT_TAGGING;
                }
                if (q.has("retention")) {
                    return S3Operation.GET_OBJECT_RETENTION;
                }
                if (q.has("legal-hold")) {
                    return S3Operation.GET_OBJECT_LEGAL_HOLD;
                }
                if (q.has("attributes")) {
                    return S3Operation.GET_OBJECT_ATTRIBUTES;
                }
                if (q.has("acl")) {
                    return S3Operation.GET_OBJECT_ACL;
                }
                return q.has("uploadId") ? S3Operation.LIST_PARTS : S3Operation.GET_OBJECT;
            }
            case "HEAD" -> {
                return S3Operation.HEAD_OBJECT;
            }
            case "PUT" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                if (q.has("tagging")) {
                    return S3Operation.PUT_OBJECT_TAGGING;
                }
                if (q.has("retention")) {
                    return S3Operation.PUT_OBJECT_RETENTION;
                }
                if (q.has("legal-hold")) {
                    return S3Operation.PUT_OBJECT_LEGAL_HOLD;
                }
                if (q.has("acl")) {
                    return S3Operation.PUT_OBJECT_ACL;
                }
                if (q.has("uploadId") || q.has("partNumber")) {
                    if (!q.has("uploadId") || !q.has("partNumber")) {
                        throw new S3Exception(S3ErrorCode.InvalidRequest, "UploadPart needs both partNumber and uploadId.");
                    }
                    return copySource ? S3Operation.UPLOAD_PART_COPY : S3Operation.UPLOAD_PART;
                }
                return copySource ? S3Operation.COPY_OBJECT : S3Operation.PUT_OBJECT;
            }
            case "DELETE" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                if (q.has("tagging")) {
                    return S3Operation.DELETE_OBJECT_TAGGING;
                }
                return q.has("uploadId") ? S3Operation.ABORT_MULTIPART_UPLOAD : S3Operation.DELETE_OBJECT;
            }
            case "POST" -> {
                unsupported(q, UNSUPPORTED_OBJECT);
                if (q.has("uploads")) {
                    return S3Operation.CREATE_MULTIPART_UPLOAD;
                }
                if (q.has("uploadId")) {
                    return S3Operation.COMPLETE_MULTIPART_UPLOAD;
                }
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
