package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Browser-form (POST Object) signatures: SigV4 with a credential scoped to s3, and SigV2. */
class PostPolicySignatureTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final SecretLookup SECRETS = key -> key.equals("AKID") ? Optional.of(SECRET) : Optional.empty();
    private static final String POLICY = Base64.getEncoder().encodeToString(
            "{\"expiration\":\"2030-01-01T00:00:00Z\",\"conditions\":[{\"bucket\":\"b\"}]}"
                    .getBytes(StandardCharsets.UTF_8));

    private static String v4(String service) {
        return SigningKey.derive(SECRET, "20260101", "us-east-1", service).signHex(POLICY);
    }

    @Test
    void v4FormSignatureIsCheckedWithTheCredentialsSigningKey() throws Exception {
        assertThat(PostPolicySignature.verifyV4(SECRETS, "AKID/20260101/us-east-1/s3/aws4_request",
                "20260101T120000Z", POLICY, v4("s3"))).isEqualTo("AKID");
        assertThatThrownBy(() -> PostPolicySignature.verifyV4(SECRETS, "AKID/20260101/us-east-1/s3/aws4_request",
                "20260101T120000Z", POLICY, v4("s3").replace('a', 'b').replace('1', '2')))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.SignatureDoesNotMatch));
    }

    @Test
    void v4CredentialMustBeScopedToS3AndEndInAws4Request() {
        assertThatThrownBy(() -> PostPolicySignature.verifyV4(SECRETS, "AKID/20260101/us-east-1/iam/aws4_request",
                "20260101T120000Z", POLICY, v4("iam")))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.AuthorizationQueryParametersError));
        assertThatThrownBy(() -> PostPolicySignature.verifyV4(SECRETS, "AKID/20260101/us-east-1/s3/aws5_request",
                "20260101T120000Z", POLICY, v4("s3")))
                .isInstanceOf(SigV4Exception.class);
        assertThatThrownBy(() -> PostPolicySignature.verifyV4(SECRETS, "AKID/20260101/us-east-1/s3/aws4_request",
                "20260102T120000Z", POLICY, v4("s3")))
                .isInstanceOf(SigV4Exception.class);
    }

    @Test
    void v2FormSignatureIsBase64HmacSha1OfThePolicy() throws Exception {
        String signature = Base64.getEncoder().encodeToString(V2Verifier.hmacSha1(SECRET, POLICY));
        assertThat(PostPolicySignature.verifyV2(SECRETS, "AKID", POLICY, signature)).isEqualTo("AKID");
        assertThatThrownBy(() -> PostPolicySignature.verifyV2(SECRETS, "AKID", POLICY + "x", signature))
                .isInstanceOf(SigV4Exception.class);
        assertThatThrownBy(() -> PostPolicySignature.verifyV2(SECRETS, "NOPE", POLICY, signature))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.InvalidAccessKeyId));
    }
}
