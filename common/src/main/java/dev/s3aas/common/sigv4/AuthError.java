package dev.s3aas.common.sigv4;

/**
 * Authentication and payload-integrity errors, named exactly as the S3 error codes ("Error
 * responses", Amazon S3 API Reference) so the server can use {@code name()} as the
 * {@code <Code>}; each carries its HTTP status and the default AWS message.
 */
public enum AuthError {
    AccessDenied(403, "Access Denied"),
    SignatureDoesNotMatch(403, "The request signature we calculated does not match the signature"
            + " you provided. Check your key and signing method."),
    InvalidAccessKeyId(403, "The AWS Access Key Id you provided does not exist in our records."),
    RequestTimeTooSkewed(403,
            "The difference between the request time and the current time is too large."),
    AuthorizationHeaderMalformed(400, "The authorization header is malformed."),
    AuthorizationQueryParametersError(400,
            "Error parsing the query parameters used for authentication."),
    MissingSecurityHeader(400, "Your request was missing a required header."),
    XAmzContentSHA256Mismatch(400,
            "The provided 'x-amz-content-sha256' header does not match what was computed."),
    IncompleteBody(400,
            "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    InvalidRequest(400, "Invalid Request"),
    InvalidArgument(400, "Invalid Argument"),
    InvalidDigest(400, "The Content-MD5 or checksum value that you specified is not valid."),
    BadDigest(400, "The Content-MD5 or checksum value that you specified did not match what the"
            + " server received."),
    MalformedTrailerError(400, "The request contained trailing data that was not well-formed or"
            + " did not conform to our published schema."),
    MissingContentLength(411, "You must provide the Content-Length HTTP header."),
    ExpiredToken(400, "The provided token has expired."),
    InvalidToken(400, "The provided token is malformed or otherwise invalid."),
    NotImplemented(501, "A header you provided implies functionality that is not implemented.");

    private final int httpStatus;
    private final String defaultMessage;

    AuthError(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
