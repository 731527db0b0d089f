package dev.s3aas.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 header signing for the benchmark's own requests, allocation-free on the hot path. The requests are
 * always of one shape (signed headers {@code host;x-amz-content-sha256;x-amz-date}, paths and queries already
 * in canonical form), so the canonical request is written straight into a reused buffer instead of going
 * through the general {@link dev.s3aas.common.sigv4.SigV4Signer}, which builds maps, sorted sets and
 * strings per request. LeanSignerTest checks both produce the same signature. One instance per connection:
 * not thread-safe.
 */
final class LeanSigner {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String SIGNED_HEADERS = "host;x-amz-content-sha256;x-amz-date";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final MessageDigest sha256;
    private final Mac hmac;
    private final AsciiBuf canonical = new AsciiBuf(512);
    private final AsciiBuf toSign = new AsciiBuf(256);
    private final byte[] digest = new byte[32];
    private long cachedSecond = Long.MIN_VALUE;
    private String amzDate;
    private String keyDate;

    LeanSigner(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.hmac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256 and HmacSHA256", e);
        }
    }

    /** The x-amz-date value for {@code now}, formatted once per second. */
    String amzDate(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            amzDate = AMZ_DATE.format(Instant.ofEpochSecond(second));
        }
        return amzDate;
    }

    /**
     * Appends the Authorization header value for a request.
     *
     * @param canonicalPath the path as sent, already URI-encoded (the benchmark's keys need no encoding)
     * @param canonicalQuery the query with parameters sorted and each written as {@code name=value}
     */
    void appendAuthorization(AsciiBuf out, String method, CharSequence canonicalPath, CharSequence canonicalQuery,
            String host, String amzDate, String payloadHash) {
        String date = amzDate.substring(0, 8);
        ensureKey(date);
        canonical.reset().append(method).append('\n').append(canonicalPath).append('\n')
                .append(canonicalQuery).append('\n')
                .append("host:").append(host).append('\n')
                .append("x-amz-content-sha256:").append(payloadHash).append('\n')
                .append("x-amz-date:").append(amzDate).append('\n')
                .append('\n').append(SIGNED_HEADERS).append('\n').append(payloadHash);
        sha256.update(canonical.array(), 0, canonical.length());
        digestInto(sha256);
        toSign.reset().append("AWS4-HMAC-SHA256\n").append(amzDate).append('\n')
                .append(date).append('/').append(region).append("/s3/aws4_request\n")
                .appendHex(digest, 32);
        hmac.update(toSign.array(), 0, toSign.length());
        try {
            hmac.doFinal(digest, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        out.append("AWS4-HMAC-SHA256 Credential=").append(accessKey).append('/').append(date).append('/')
                .append(region).append("/s3/aws4_request, SignedHeaders=").append(SIGNED_HEADERS)
                .append(", Signature=").appendHex(digest, 32);
    }

    private void digestInto(MessageDigest md) {
        try {
            md.digest(digest, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Derives the day's signing key ("Create a signing key", AWS General Reference) when the date changes. */
    private void ensureKey(String date) {
        if (date.equals(keyDate)) {
            return;
        }
        try {
            byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            k = hmac(k, region);
            k = hmac(k, "s3");
            k = hmac(k, "aws4_request");
            hmac.init(new SecretKeySpec(k, "HmacSHA256"));
            keyDate = date;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
