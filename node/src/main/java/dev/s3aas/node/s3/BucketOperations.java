package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation: small enough to share a file,
 * each still its own {@link Operation}.
 */
final class BucketOperations {
    private BucketOperations() {}

    /** GET / — ListBuckets. */
    record ListBuckets(ObjectStore store, String ownerId, AccessControl access) implements Operation {
        @Override
        public void handle(S3Exchange ex) {
            Xml xml = Xml.document("ListAllMyBucketsResult");
            xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
            xml.start("Buckets");
            var visible = access.bucketVisibility(ex);
            for (BucketInfo b : store.listBuckets()) {
                if (!visible.test(b.name())) {
                    continue;
                }
                xml.start("Bucket").element("Name", b.name()).element("CreationDate", b.created())
                        .element("BucketRegion", b.region()).end();
            }
            xml.end();
            ex.sendXml(200, xml);
        }
    }

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

    /** HEAD /bucket — HeadBucket. */
    record HeadBucket(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException {
            BucketInfo b = store.bucket(ex.bucket());
            ex.setHeader("x-amz-bucket-region", b.region());
            ex.sendEmpty(200);
        }
    }

    /** DELETE /bucket — DeleteBucket (BucketNotEmpty while objects remain). */
    record DeleteBucket(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException, IOException {
            store.deleteBucket(ex.bucket());
            ex.sendEmpty(204);
        }
    }

    /** GET /bucket?location — GetBucketLocation; us-east-1 is reported as an empty constraint, as S3 does. */
    record GetBucketLocation(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException {
            BucketInfo b = store.bucket(ex.bucket());
            String region = b.region() == null || b.region().equals("us-east-1") ? "" : b.region();
            Xml xml = Xml.document("LocationConstraint");
            ex.sendXml(200, region.isEmpty() ? xml : xml.text(region));
        }
    }
}
