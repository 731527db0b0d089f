package dev.s3aas.node.s3;

import dev.s3aas.node.auth.Identity;

/** Decides whether an authenticated identity may perform an operation. */
final class AccessControl {
    void authorize(S3Exchange ex, S3Operation op) throws S3Exception {
        switch (ex.identity()) {
            case Identity.Root r -> { }
            case Identity.User u -> throw new S3Exception(S3ErrorCode.AccessDenied);
            case Identity.Anonymous a -> throw new S3Exception(S3ErrorCode.AccessDenied);
        }
    }
}
