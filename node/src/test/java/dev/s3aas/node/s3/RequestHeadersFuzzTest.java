package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3aas.node.storage.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Fuzz target for the GetObject/HeadObject request headers: {@link ByteRange#parse} (Range) and
 * {@link Conditionals#evaluate} (If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since,
 * with {@link HttpDates#parse}). Contract: Range yields null (serve the whole object), a range
 * within the object ({@code 0 <= first <= last < size}), or {@link S3Exception} InvalidRange;
 * the conditionals always yield an outcome, and {@code If-Match: *} never fails while
 * {@code If-None-Match: *} is always Not Modified. Nothing else may escape.
 */
class RequestHeadersFuzzTest {
    private static final String ETAG = "9bb58f26192e4ba00f01e2e7b136bbd8";

    /** Input: lines of object size (decimal), Range, If-Match, If-Unmodified-Since, If-None-Match,
     *  If-Modified-Since; a missing or empty line is an absent header. */
    @FuzzTest(maxDuration = "5s")
    void parse(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        long size;
        try {
            size = Long.parseLong(field(lines, 0));
        } catch (NumberFormatException e) {
            size = input.length;
        }
        String ifMatch = field(lines, 2);
        String ifNoneMatch = field(lines, 4);
        String ifModifiedSince = field(lines, 5);
        if (size >= 0) {
            checkRange(field(lines, 1), size);
        }
        ObjectInfo info = new ObjectInfo("b", "k", null, false, Math.max(0, size), ETAG,
                Instant.ofEpochSecond(1_700_000_000L), null, null, null, false, null, null);
        Conditionals.Outcome outcome = Conditionals.evaluate(ifMatch, field(lines, 3),
                ifNoneMatch, ifModifiedSince, info);
        assertThat(outcome).isNotNull();
        if ("*".equals(ifMatch) && ifNoneMatch == null && ifModifiedSince == null) {
            assertThat(outcome).isEqualTo(Conditionals.Outcome.PROCEED);
        }
        if ("*".equals(ifNoneMatch) && outcome != Conditionals.Outcome.PRECONDITION_FAILED) {
            assertThat(outcome).isEqualTo(Conditionals.Outcome.NOT_MODIFIED);
        }
    }

    private static String field(String[] lines, int i) {
        return i < lines.length && !lines[i].isEmpty() ? lines[i] : null;
    }

    private static void checkRange(String header, long size) {
        ByteRange range;
        try {
            range = ByteRange.parse(header, size);
        } catch (S3Exception e) {
            assertThat(e.code()).isEqualTo(S3ErrorCode.InvalidRange);
            return;
        }
        if (range != null) {
            assertThat(range.first()).as("%s of %d", header, size).isBetween(0L, range.last());
            assertThat(range.last()).as("%s of %d", header, size).isLessThan(size);
            assertThat(range.length()).isPositive();
        }
    }
}
