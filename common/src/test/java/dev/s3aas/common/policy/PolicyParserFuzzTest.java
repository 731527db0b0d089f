package dev.s3aas.common.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the policy parser: arbitrary text must parse into a {@link PolicyDocument} or
 * be rejected with {@link MalformedPolicyException} (which callers translate into a 400
 * MalformedPolicy); any other throwable escaping is a finding. Runs in regression mode over
 * {@code PolicyParserFuzzTestInputs/parse/} in every test run; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PolicyParserFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] input) {
        String json = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            PolicyDocument.parse(json);
        } catch (MalformedPolicyException expected) {
            // declared rejection
        }
    }
}
