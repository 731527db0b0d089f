package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** PUT /bucket — CreateBucket, with an optional CreateBucketConfiguration (LocationConstraint). */
record CreateBucket(ObjectStore store, String region) implements Operation {
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
        store.createBucket(ex.bucket(), location, objectLock);
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
