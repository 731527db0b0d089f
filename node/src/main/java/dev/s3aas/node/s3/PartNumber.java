package dev.s3aas.node.s3;

/** The {@code partNumber} query parameter: an integer in 1..10000. */
final class PartNumber {
    private PartNumber() {}

    static int parse(String value) throws S3Exception {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");
    }
}
