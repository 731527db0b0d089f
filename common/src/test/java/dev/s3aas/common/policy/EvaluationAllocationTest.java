package dev.s3aas.common.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The node evaluates policies on every request: when no statement applies because its action, or the
 * literal start of its resource, differs from the request's, evaluation must not allocate (the home
 * directory policy's {@code s3:*} statement matches the action here but names another resource). Measured with the JVM's per-thread allocation counter over many calls, so
 * one allocation per call (at least 16 bytes) would show as megabytes.
 */
class EvaluationAllocationTest {

    private static final int CALLS = 100_000;

    @Test
    void evaluatingStatementsThatDoNotApplyDoesNotAllocate() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
        var counter = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());

        List<PolicyDocument> identity = List.of(CannedPolicies.readonly(), CannedPolicies.diagnostics(),
                TestPolicies.identity(TestPolicies.resource("identity/home-directory.json")));
        Optional<PolicyDocument> bucket = Optional.of(TestPolicies.bucket(
                TestPolicies.resource("bucket/require-sse.json")));
        AccessRequest request = new AccessRequest("s3:ListBucketVersions", "arn:aws:s3:::amzn-s3-demo-bucket",
                RequestPrincipal.user("alice", "AKIAALICE"), ConditionContext.builder().put("aws:SourceIp",
                "192.0.2.1").build());

        boolean any = false;
        for (int i = 0; i < CALLS; i++) {
            any |= PolicyEvaluator.isAllowed(identity, bucket, request);
        }
        long before = counter.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            any |= PolicyEvaluator.isAllowed(identity, bucket, request);
        }
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;

        assertThat(any).isFalse();
        assertThat(allocated).as("bytes allocated by %d evaluations", CALLS).isLessThan(16 * 1024);
    }
}
