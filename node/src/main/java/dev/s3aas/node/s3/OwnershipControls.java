package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectOwnership;

/** The wire names of Object Ownership settings ({@code x-amz-object-ownership}, OwnershipControls documents). */
final class OwnershipControls {
    private OwnershipControls() {}

    static ObjectOwnership parse(String v) throws S3Exception {
        return switch (v == null ? "" : v.trim()) {
            case "BucketOwnerEnforced" -> ObjectOwnership.BUCKET_OWNER_ENFORCED;
            case "BucketOwnerPreferred" -> ObjectOwnership.BUCKET_OWNER_PREFERRED;
            case "ObjectWriter" -> ObjectOwnership.OBJECT_WRITER;
            default -> throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid ObjectOwnership: " + v);
        };
    }

    static String name(ObjectOwnership o) {
        return switch (o) {
            case BUCKET_OWNER_ENFORCED -> "BucketOwnerEnforced";
            case BUCKET_OWNER_PREFERRED -> "BucketOwnerPreferred";
            case OBJECT_WRITER, NOT_CONFIGURED -> "ObjectWriter";
        };
    }
}
