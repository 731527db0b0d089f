package dev.s3aas.controlplane.bucket;

import dev.s3aas.controlplane.api.ApiError;
import java.util.regex.Pattern;

/**
 * A bucket name under the general-purpose bucket naming rules of Amazon S3
 * (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html): 3-63 characters of
 * lower-case letters, digits, dots and hyphens; starts and ends with a letter or digit; no two
 * adjacent dots; not an IPv4 address; none of the reserved prefixes and suffixes; not {@code minio} or
 * {@code rustfs}, which the node reserves for its admin API paths.
 */
public record BucketName(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public BucketName {
        String why = problem(value);
        if (why != null) {
            throw ApiError.invalid("name", "invalid bucket name '" + value + "': " + why);
        }
    }

    /** Why {@code s} is not a valid bucket name, or null when it is. */
    public static String problem(String s) {
        if (s == null || s.length() < 3 || s.length() > 63) {
            return "must be 3 to 63 characters long";
        }
        if (!SHAPE.matcher(s).matches()) {
            return "only lower-case letters, digits, '.' and '-', starting and ending with a letter or digit";
        }
        if (s.contains("..")) {
            return "must not contain two adjacent periods";
        }
        if (IPV4.matcher(s).matches()) {
            return "must not be formatted as an IP address";
        }
        if (s.equals("minio") || s.equals("rustfs")) {
            return "minio and rustfs are reserved for the node's admin API";
        }
        if (s.startsWith("xn--") || s.startsWith("sthree-") || s.startsWith("amzn-s3-demo-")) {
            return "must not start with a reserved prefix (xn--, sthree-, amzn-s3-demo-)";
        }
        if (s.endsWith("-s3alias") || s.endsWith("--ol-s3") || s.endsWith(".mrap") || s.endsWith("--x-s3")
                || s.endsWith("--table-s3")) {
            return "must not end with a reserved suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
