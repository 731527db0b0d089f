package dev.s3aas.node.s3;

/**
 * A bucket name valid under the S3 general-purpose bucket naming rules
 * ("Bucket naming rules" in the S3 user guide): 3–63 characters of lower-case letters, digits, dots and
 * hyphens; starts and ends with a letter or digit; no two adjacent dots; not an IPv4 address; none of the
 * reserved prefixes and suffixes. Also not {@code minio} or {@code rustfs}: path-style requests under
 * {@code /minio/admin/} and {@code /rustfs/admin/} are the admin API, so such a bucket's keys there could never
 * be reached (MinIO reserves its name the same way).
 */
record BucketName(String value) {
    private static final java.util.regex.Pattern IP_ADDRESS =
            java.util.regex.Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final String[] RESERVED_PREFIXES = {"xn--", "sthree-", "amzn-s3-demo-"};
    private static final String[] RESERVED_SUFFIXES = {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"};

    BucketName {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    static BucketName parse(String value) throws S3Exception {
        String problem = problem(value);
        if (problem != null) {
            throw new S3Exception(S3ErrorCode.InvalidBucketName, "The specified bucket is not valid: " + problem);
        }
        return new BucketName(value);
    }

    static String problem(String v) {
        if (v == null || v.length() < 3 || v.length() > 63) {
            return "bucket names must be between 3 and 63 characters long";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!ok) {
                return "bucket names can consist only of lowercase letters, numbers, dots and hyphens";
            }
        }
        if (!alnum(v.charAt(0)) || !alnum(v.charAt(v.length() - 1))) {
            return "bucket names must begin and end with a letter or number";
        }
        if (v.contains("..")) {
            return "bucket names must not contain two adjacent periods";
        }
        if (IP_ADDRESS.matcher(v).matches()) {
            return "bucket names must not be formatted as an IP address";
        }
        if (v.equals("minio") || v.equals("rustfs")) {
            return "bucket names minio and rustfs are reserved for the admin API";
        }
        for (String p : RESERVED_PREFIXES) {
            if (v.startsWith(p)) {
                return "bucket names must not start with " + p;
            }
        }
        for (String s : RESERVED_SUFFIXES) {
            if (v.endsWith(s)) {
                return "bucket names must not end with " + s;
            }
        }
        return null;
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
