package dev.s3aas.common.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    /** RFC 6238 appendix B's SHA1 key. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA1 rows: 8 digits there, and 6-digit codes are their last six digits. */
    @ParameterizedTest(name = "T={0}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"})
    void rfc6238Sha1Vectors(long unixSeconds, String eightDigits) {
        Instant at = Instant.ofEpochSecond(unixSeconds);
        assertThat(Totp.code(RFC_KEY, Totp.step(at), 8)).isEqualTo(eightDigits);
        assertThat(Totp.code(RFC_KEY, at)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void acceptsTheNeighbouringStepsOnly() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, now), now)).isEqualTo(step);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, now.minusSeconds(30)), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, now.plusSeconds(30)), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, now.minusSeconds(60)), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, now.plusSeconds(60)), now)).isEqualTo(-1);
    }

    @Test
    void malformedCodesNeverMatch() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_KEY, null, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "94287082", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "28708a", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "287082", now)).isEqualTo(Totp.step(now));
    }

    /** RFC 4648 section 10 (our encoder leaves the padding out; the decoder accepts it). */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
        "'', ''",
        "f, MY======",
        "fo, MZXQ====",
        "foo, MZXW6===",
        "foob, MZXW6YQ=",
        "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI======"})
    void base32Rfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded.replace("=", ""));
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.toLowerCase().replace("=", ""))).isEqualTo(bytes);
    }

    @Test
    void base32RejectsForeignCharactersAndToleratesGroups() {
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Base32.decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")).isEqualTo(RFC_KEY);
        assertThat(Base32.encode(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
