package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.common.mfa.Totp;
import dev.s3aas.node.auth.MfaDevice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MfaCheckTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final MfaDevice DEVICE = new MfaDevice("serial-1", SECRET);
    private static final Instant NOW = Instant.ofEpochSecond(1_111_111_111);

    private static MfaCheck at(Instant t) {
        return new MfaCheck(DEVICE, Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void acceptsCurrentCodesOfTheNamedDeviceOnly() {
        MfaCheck check = at(NOW);
        String code = Totp.code(SECRET, NOW);
        assertThat(check.verify("serial-1", code)).isTrue();
        assertThat(check.verify("serial-1", code)).as("not single-use (see MfaCheck)").isTrue();
        assertThat(check.verify("serial-2", code)).isFalse();
        assertThat(check.verify("serial-1", Totp.code(SECRET, NOW.minusSeconds(90)))).isFalse();
    }

    @Test
    void tooManyWrongCodesLockTheRestOfTheStep() {
        Instant[] now = {NOW};
        MfaCheck check = new MfaCheck(DEVICE, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        });
        String right = Totp.code(SECRET, NOW);
        String wrong = right.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < MfaCheck.MAX_FAILURES_PER_STEP; i++) {
            assertThat(check.verify("serial-1", wrong)).isFalse();
        }
        assertThat(check.verify("serial-1", right)).as("locked for this step").isFalse();
        now[0] = NOW.plusSeconds(Totp.STEP_SECONDS);
        assertThat(check.verify("serial-1", right)).as("the budget is per step").isTrue();
    }
}
