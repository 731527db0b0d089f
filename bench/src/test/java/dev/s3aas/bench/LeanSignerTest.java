package dev.s3aas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.common.sigv4.RequestView;
import dev.s3aas.common.sigv4.SigV4Signer;
import dev.s3aas.common.sigv4.SigningCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lean signer must sign exactly as the project's general signer (and so as the verifier expects). */
class LeanSignerTest {
    private static final String AK = "AKIDEXAMPLE";
    private static final String SK = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant AT = Instant.parse("2026-11-24T03:37:54Z");

    @Test
    void matchesTheGeneralSignerForAnUnsignedPayloadPut() {
        assertSame("PUT", "/bench/put/4k/c64/w3/17", "", "", LeanSigner.UNSIGNED_PAYLOAD);
    }

    @Test
    void matchesTheGeneralSignerForASignedPayloadAndAQuery() {
        String hash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
        assertSame("PUT", "/bench/big", "partNumber=3&uploadId=abc%2Fdef", "partNumber=3&uploadId=abc%2Fdef", hash);
    }

    @Test
    void matchesTheGeneralSignerForAValuelessSubresource() {
        assertSame("POST", "/bench/big", "uploads", "uploads=", LeanSigner.EMPTY_SHA256);
    }

    @Test
    void reusesItsBuffersAcrossRequestsAndDays() {
        LeanSigner lean = new LeanSigner(AK, SK, "us-east-1");
        String first = sign(lean, "GET", "/b/k", "", LeanSigner.UNSIGNED_PAYLOAD, AT);
        sign(lean, "PUT", "/b/other", "", LeanSigner.EMPTY_SHA256, AT.plusSeconds(86_400));
        assertThat(sign(lean, "GET", "/b/k", "", LeanSigner.UNSIGNED_PAYLOAD, AT)).isEqualTo(first);
    }

    private static void assertSame(String method, String path, String rawQuery, String canonicalQuery,
            String payloadHash) {
        String host = "127.0.0.1:9000";
        SigV4Signer general = new SigV4Signer(new SigningCredentials(AK, SK), "us-east-1", "s3");
        Map<String, String> expected = general.sign(RequestView.of(method, path, rawQuery,
                List.of(Map.entry("Host", host))), payloadHash, AT).headersToAdd();
        LeanSigner lean = new LeanSigner(AK, SK, "us-east-1");
        assertThat(lean.amzDate(AT.toEpochMilli())).isEqualTo(expected.get("X-Amz-Date"));
        assertThat(sign(lean, method, path, canonicalQuery, payloadHash, AT)).isEqualTo(expected.get("Authorization"));
    }

    private static String sign(LeanSigner lean, String method, String path, String canonicalQuery, String hash,
            Instant at) {
        AsciiBuf out = new AsciiBuf(16);
        lean.appendAuthorization(out, method, path, canonicalQuery, "127.0.0.1:9000", lean.amzDate(at.toEpochMilli()),
                hash);
        return out.toString();
    }
}
