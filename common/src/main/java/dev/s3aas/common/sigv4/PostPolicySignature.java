package dev.s3aas.common.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * The signature of a browser-based upload form (S3 "POST Object", "Authenticating Requests in Browser-Based
 * Uploads Using POST"): the string to sign is the base64 policy document itself. SigV4: hex HMAC-SHA256 with
 * the signing key of {@code x-amz-credential}; SigV2: base64 HMAC-SHA1 with the secret key. Comparisons are
 * constant-time.
 */
public final class PostPolicySignature {
    private PostPolicySignature() {}

    /**
     * Verifies a SigV4 form signature and returns the access key id.
     *
     * @param credential {@code x-amz-credential}: {@code AKID/yyyymmdd/region/s3/aws4_request}
     * @param amzDate {@code x-amz-date}: its day must be the credential's
     */
    public static String verifyV4(SecretLookup secrets, String credential, String amzDate, String policyBase64,
                                  String signature) throws SigV4Exception {
        CredentialScope scope = V4Authorization.credential(credential, AuthError.AuthorizationQueryParametersError);
        if (amzDate == null || AmzDate.parseIsoBasic(amzDate) == AmzDate.INVALID || !amzDate.startsWith(scope.date())) {
            throw new SigV4Exception(AuthError.AuthorizationQueryParametersError,
                    "x-amz-date must be an ISO 8601 basic timestamp on the credential's date");
        }
        if (!scope.service().equals("s3") || !scope.terminator().equals(Canonical.TERMINATOR)) {
            throw new SigV4Exception(AuthError.AuthorizationQueryParametersError,
                    "x-amz-credential must be scoped to the s3 service and end in aws4_request");
        }
        String secret = secretFor(secrets, scope.accessKeyId());
        String expected = SigningKey.derive(secret, scope.date(), scope.region(), scope.service()).signHex(policyBase64);
        check(expected, signature, scope.accessKeyId());
        return scope.accessKeyId();
    }

    /** Verifies a SigV2 form signature ({@code AWSAccessKeyId}, {@code signature}) and returns the key id. */
    public static String verifyV2(SecretLookup secrets, String accessKeyId, String policyBase64, String signature)
            throws SigV4Exception {
        String secret = secretFor(secrets, accessKeyId);
        String expected = Base64.getEncoder().encodeToString(V2Verifier.hmacSha1(secret, policyBase64));
        check(expected, signature, accessKeyId);
        return accessKeyId;
    }

    private static String secretFor(SecretLookup secrets, String accessKeyId) throws SigV4Exception {
        return secrets.secretFor(accessKeyId).orElseThrow(() -> new SigV4Exception(AuthError.InvalidAccessKeyId,
                AuthError.InvalidAccessKeyId.defaultMessage(), Map.of("AWSAccessKeyId", accessKeyId)));
    }

    private static void check(String expected, String provided, String accessKeyId) throws SigV4Exception {
        if (provided == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII))) {
            throw new SigV4Exception(AuthError.SignatureDoesNotMatch, AuthError.SignatureDoesNotMatch.defaultMessage(),
                    Map.of("AWSAccessKeyId", accessKeyId));
        }
    }
}
