package dev.s3aas.bench;

/**
 * A failed operation in the measured loop: a server error, a protocol violation or a verification mismatch.
 * The benchmark tolerates none: any one fails its cell and makes the run exit non-zero.
 */
final class BenchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, or 0 when the failure is not an HTTP error response. */
    private final int status;
    /** The S3 error code from the error document, or null. */
    private final String code;

    BenchFailure(String message) {
        this(message, 0, null);
    }

    BenchFailure(String message, int status, String code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** A non-2xx response: the S3 error code is taken from the XML error document when there is one. */
    static BenchFailure fromResponse(String what, HttpResponse r) {
        String body = r.errorText();
        String code = XmlText.element(body, "Code");
        return new BenchFailure(what + ": HTTP " + r.status() + (code == null ? "" : " " + code)
                + (body.isEmpty() ? "" : " " + abbreviate(body)), r.status(), code);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
