package dev.s3aas.common.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz target for evaluation: a policy with a fuzzed effect, action and resource patterns and condition block (skipped when it does not parse) evaluated against a
 * fuzzed action and resource must not throw, and adding a Deny of everything must always turn the
 * decision into {@link Decision#EXPLICIT_DENY} — an explicit Deny wins over any Allow.
 */
class PolicyEvaluatorFuzzTest {

    private static final PolicyDocument DENY_ALL = TestPolicies.identity(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    private static String quote(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    @FuzzTest(maxDuration = "5s")
    void explicitDenyWins(FuzzedDataProvider data) {
        String action = "s3:" + data.consumeString(40);
        String resource = "arn:aws:s3:::" + data.consumeString(80);
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + (data.consumeBoolean() ? "Allow" : "Deny")
                + "\",\"Action\":" + quote(data.consumeString(40)) + ",\"Resource\":" + quote(data.consumeString(80))
                + (data.consumeBoolean() ? "" : ",\"Condition\":" + data.consumeRemainingAsString()) + "}]}";
        PolicyDocument policy;
        try {
            policy = PolicyDocument.parse(json);
        } catch (MalformedPolicyException rejected) {
            return;
        }
        AccessRequest request = TestPolicies.request(action, resource, TestPolicies.alice());
        PolicyEvaluator.evaluateIdentity(List.of(policy), request);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(policy, DENY_ALL), request)).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(DENY_ALL, policy), request)).isEqualTo(Decision.EXPLICIT_DENY);
    }
}
