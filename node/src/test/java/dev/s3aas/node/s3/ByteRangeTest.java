package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Range header as S3 reads it: valid single ranges, the invalid ones that mean "whole object", and 416. */
class ByteRangeTest {
    @Test
    void validRanges() throws S3Exception {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 9));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-1000", 100)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=50-1000", 100)).isEqualTo(new ByteRange(50, 99));
        assertThat(ByteRange.parse(" bytes= 5 - 6 ", 100)).isEqualTo(new ByteRange(5, 6));
        // a last position beyond a long is still "to the end", a suffix beyond a long is the whole object
        assertThat(ByteRange.parse("bytes=5-99999999999999999999", 100)).isEqualTo(new ByteRange(5, 99));
        assertThat(ByteRange.parse("bytes=-99999999999999999999", 100)).isEqualTo(new ByteRange(0, 99));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=+5-", "bytes=5-+9", "bytes=-+5", "bytes=-", "bytes=5", "bytes=a-b", "bytes=0x1-2",
            "bytes=9-5", "bytes=0-1,3-4", "items=0-1", "bytes=1-2-3", "bytes=１-2", "bytes=-0x5"})
    void invalidSyntaxServesTheWholeObject(String header) throws S3Exception {
        assertThat(ByteRange.parse(header, 100)).as(header).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999-"})
    void unsatisfiable(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 100)).as(header)
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.InvalidRange));
    }

    @Test
    void emptyObjectHasNoSatisfiableSuffix() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(S3Exception.class);
    }
}
