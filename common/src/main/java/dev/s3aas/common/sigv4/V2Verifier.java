package dev.s3aas.common.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature Version 2 ("Signing and authenticating REST requests", Amazon S3 User Guide):
 * {@code Authorization: AWS AKID:base64(HMAC-SHA1(secret, StringToSign))}, or the query
 * parameters AWSAccessKeyId, Expires and Signature. V2 does not sign the body; the server checks
 * Content-MD5 itself.
 */
final class V2Verifier {
    /**
     * The sub-resources that belong in the canonicalized resource, sorted: the list of the S3
     * User Guide plus the sub-resources S3 added later (the set SDKs sign).
     */
    private static final List<String> SUB_RESOURCES = List.of(
            "accelerate", "acl", "analytics", "cors", "delete", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "location", "logging", "metrics",
            "notification", "object-lock", "ownershipControls", "partNumber", "policy",
            "policyStatus", "publicAccessBlock", "replication", "requestPayment",
            "response-cache-control", "response-content-disposition", "response-content-encoding",
            "response-content-language", "response-content-type", "response-expires", "restore",
            "retention", "select", "select-type", "tagging", "torrent", "uploadId", "uploads",
            "versionId", "versioning", "versions", "website");
    private static final String BAD_DATE =
            "AWS authentication requires a valid Date or x-amz-date header";

    private final SecretLookup secrets;
    private final Clock clock;
    private final Duration allowedSkew;
    private final long maxPresignSeconds;

    /** @param maxPresignSeconds the longest a presigned URL may still be valid (SigV4's 7-day limit) */
    V2Verifier(SecretLookup secrets, Clock clock, Duration allowedSkew, long maxPresignSeconds) {
        this.secrets = secrets;
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.maxPresignSeconds = maxPresignSeconds;
    }

    AuthResult.Authenticated verifyHeader(RequestView request, String authorization,
            QueryParameters query, String bucket) throws SigV4Exception {
        int colon = authorization.indexOf(':');
        if (colon < 5 || colon == authorization.length() - 1) {
            throw new SigV4Exception(AuthError.InvalidArgument, "AWS authorization header is"
                    + " invalid.  Expected AwsAccessKeyId:signature");
        }
        String accessKeyId = authorization.substring(4, colon);
        String signature = authorization.substring(colon + 1);
        String amzDate = request.header("x-amz-date");
        long time = AmzDate.parseHttpDate(amzDate != null ? amzDate : request.header("date"));
        if (time == AmzDate.INVALID) {
            throw new SigV4Exception(AuthError.AccessDenied, BAD_DATE);
        }
        if (Math.abs(clock.instant().getEpochSecond() - time) > allowedSkew.toSeconds()) {
            throw new SigV4Exception(AuthError.RequestTimeTooSkewed);
        }
        // With x-amz-date present, the Date line is empty: x-amz-date is signed among the
        // x-amz-* headers instead.
        String dateLine = amzDate != null ? "" : request.header("date");
        return verify(request, query, bucket, accessKeyId, signature, dateLine, false);
    }

    AuthResult.Authenticated verifyQuery(RequestView request, QueryParameters query,
            String bucket) throws SigV4Exception {
        String accessKeyId = query.first("AWSAccessKeyId");
        String expires = query.first("Expires");
        String signature = query.first("Signature");
        if (accessKeyId == null || expires == null || signature == null) {
            throw new SigV4Exception(AuthError.AccessDenied, "Query-string authentication requires"
                    + " the Signature, Expires and AWSAccessKeyId parameters");
        }
        long expiresAt = V4Verifier.parseNonNegative(expires);
        if (expiresAt < 0) {
            throw new SigV4Exception(AuthError.AccessDenied,
                    "Invalid date (should be seconds since epoch): " + expires);
        }
        if (clock.instant().getEpochSecond() > expiresAt) {
            throw new SigV4Exception(AuthError.AccessDenied, "Request has expired");
        }
        // V2 carries an absolute expiry with no built-in limit; without one, any key holder could mint a URL
        // that never expires. The SigV4 limit applies (a URL made now for at most that long always passes).
        if (expiresAt - clock.instant().getEpochSecond() > maxPresignSeconds + allowedSkew.toSeconds()) {
            throw new SigV4Exception(AuthError.AccessDenied,
                    "Request expiry must be within " + maxPresignSeconds + " seconds of now");
        }
        // A form-encoding client may leave the base64 '+' unescaped, which decodes as a space:
        // a space is never valid base64, so mapping it back is unambiguous.
        return verify(request, query, bucket, accessKeyId, signature.replace(' ', '+'), expires,
                true);
    }

    private AuthResult.Authenticated verify(RequestView request, QueryParameters query,
            String bucket, String accessKeyId, String signature, String dateLine,
            boolean presigned) throws SigV4Exception {
        String secret = secrets.secretFor(accessKeyId).orElseThrow(
                () -> new SigV4Exception(AuthError.InvalidAccessKeyId,
                        AuthError.InvalidAccessKeyId.defaultMessage(),
                        Map.of("AWSAccessKeyId", accessKeyId)));
        String stringToSign = stringToSign(request, query, bucket, dateLine);
        // Compared as base64 text, not decoded bytes: decoders ignore the unused low bits of the
        // last character, so two strings would otherwise carry the same signature.
        byte[] expected = Base64.getEncoder().encodeToString(hmacSha1(secret, stringToSign))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("AWSAccessKeyId", accessKeyId);
            details.put("StringToSign", stringToSign);
            details.put("SignatureProvided", signature);
            throw new SigV4Exception(AuthError.SignatureDoesNotMatch,
                    AuthError.SignatureDoesNotMatch.defaultMessage(), details);
        }
        return new AuthResult.Authenticated(accessKeyId, SignatureVersion.V2, presigned, null,
                PayloadMode.UNSIGNED_PAYLOAD, null, -1, null);
    }

    /**
     * {@code VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedAmzHeaders
     * CanonicalizedResource}.
     */
    static String stringToSign(RequestView request, QueryParameters query, String bucket,
            String dateLine) {
        StringBuilder out = new StringBuilder(256);
        out.append(request.method()).append('\n');
        out.append(orEmpty(request.header("content-md5"))).append('\n');
        out.append(orEmpty(request.header("content-type"))).append('\n');
        out.append(orEmpty(dateLine)).append('\n');
        appendAmzHeaders(out, request);
        appendResource(out, request, query, bucket);
        return out.toString();
    }

    /** x-amz-* headers: lower-case names, sorted, values trimmed and joined by ','. */
    private static void appendAmzHeaders(StringBuilder out, RequestView request) {
        TreeMap<String, List<String>> amz = new TreeMap<>();
        for (String name : request.headerNames()) {
            if (name.regionMatches(true, 0, "x-amz-", 0, 6)) {
                amz.put(name.toLowerCase(Locale.ROOT), request.headerValues(name));
            }
        }
        for (Map.Entry<String, List<String>> header : amz.entrySet()) {
            out.append(header.getKey()).append(':');
            List<String> values = header.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Canonical.appendTrimmed(out, values.get(i));
            }
            out.append('\n');
        }
    }

    /**
     * "/" + bucket for virtual-hosted requests, the path as received (un-decoded), then the
     * sub-resources sorted by name with their decoded values.
     */
    private static void appendResource(StringBuilder out, RequestView request,
            QueryParameters query, String bucket) {
        if (bucket != null) {
            out.append('/').append(bucket);
        }
        String path = request.rawPath();
        out.append(path.isEmpty() ? "/" : path);
        char separator = '?';
        for (String name : SUB_RESOURCES) {
            for (QueryParameters.Parameter p : query.all()) {
                if (p.name().equals(name)) {
                    out.append(separator).append(name);
                    if (!p.value().isEmpty()) {
                        out.append('=').append(p.value());
                    }
                    separator = '&';
                    break;
                }
            }
        }
    }

    static byte[] hmacSha1(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HmacSHA1", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
