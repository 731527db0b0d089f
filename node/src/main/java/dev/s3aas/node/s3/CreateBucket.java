package dev.s3aas.node.s3;

import dev.s3aas.node.storage.AccessControlList;
import dev.s3aas.node.storage.ObjectOwnership;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket — CreateBucket, with an optional CreateBucketConfiguration (LocationConstraint), Object Ownership
 * ({@code x-amz-object-ownership}; BucketOwnerEnforced, i.e. ACLs disabled, when absent) and an ACL.
 */
record CreateBucket(ObjectStore store, String region, String ownerId) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        String location = region;
        if (ex.contentLength() != 0) {
            byte[] body = SmallBody.read(ex, 64 * 1024);
            if (body.length > 0) {
                XmlBody.Node doc = XmlBody.parse(body);
                if (!doc.name().equals("CreateBucketConfiguration")) {
                    throw new S3Exception(S3ErrorCode.MalformedXML);
                }
                String constraint = doc.childText("LocationConstraint");
                if (constraint != null && !constraint.isEmpty()) {
                    location = checkLocation(constraint);
                }
            }
        }
        boolean objectLock = "true".equalsIgnoreCase(ex.header("x-amz-bucket-object-lock-enabled"));
        String ownershipHeader = ex.header("x-amz-object-ownership");
        ObjectOwnership ownership = ownershipHeader == null ? null : OwnershipControls.parse(ownershipHeader);
        AccessControlList acl = Acls.fromHeaders(ex, ownerId);
        boolean withGrants = acl != null && !acl.grants().isEmpty();
        if (withGrants && (ownership == null || !ownership.aclsEnabled())) {
            // New buckets have ACLs disabled (BucketOwnerEnforced), as in AWS since April 2023.
            throw new S3Exception(S3ErrorCode.InvalidBucketAclWithObjectOwnership);
        }
        store.createBucket(ex.bucket(), location, objectLock);
        if (ownership != null || withGrants) {
            store.updateBucketConfig(ex.bucket(), c -> c.withOwnership(ownership).withAcl(withGrants ? acl : null));
        }
        ex.setHeader("Location", "/" + ex.bucket());
        ex.sendEmpty(200);
    }

    /**
     * A node is not tied to a region: like MinIO with no region configured, it accepts any well-formed
     * constraint, records it and reports it back (GetBucketLocation, HeadBucket), so clients that pick a
     * region per bucket work unchanged. "US" is S3's legacy name for us-east-1.
     */
    private static String checkLocation(String constraint) throws S3Exception {
        if (constraint.equals("US")) {
            return "us-east-1";
        }
        if (!constraint.matches("[a-z]{2}(-[a-z0-9]+)+")) {
            throw new S3Exception(S3ErrorCode.InvalidLocationConstraint,
                    "The specified location-constraint is not valid: " + constraint);
        }
        return constraint;
    }
}
