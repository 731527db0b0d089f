package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The test-vector plumbing: locating the suite and parsing its raw requests. */
class VectorSuiteTest {

    @Test
    void theOverrideWinsAndAMissingFolderFailsLoudly() {
        String found = VectorSuite.locate().toString();
        String previous = System.getProperty(VectorSuite.OVERRIDE);
        try {
            System.setProperty(VectorSuite.OVERRIDE, found);
            assertThat(VectorSuite.locate()).hasToString(found);
            System.setProperty(VectorSuite.OVERRIDE, found + "/does-not-exist");
            assertThatThrownBy(VectorSuite::locate).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("is not a directory");
        } finally {
            if (previous == null) {
                System.clearProperty(VectorSuite.OVERRIDE);
            } else {
                System.setProperty(VectorSuite.OVERRIDE, previous);
            }
        }
    }

    @Test
    void foldedHeaderLinesAreJoinedWithASpace() {
        RawHttpRequest request = RawHttpRequest.parse(
                "GET / HTTP/1.1\nHost:h\nMy-Header1:value1\n  value2\n     value3\n\n".getBytes());
        assertThat(request.view().headerValues("my-header1"))
                .containsExactly("value1 value2 value3");
    }

    @Test
    void repeatedHeadersKeepTheirOrder() {
        RawHttpRequest request = RawHttpRequest.parse(
                "GET / HTTP/1.1\r\nHost:h\r\nA:2\r\na:1\r\nA:3\r\n\r\nbody".getBytes());
        assertThat(request.view().headerValues("A")).containsExactly("2", "1", "3");
        assertThat(request.body()).isEqualTo("body".getBytes());
    }

    @Test
    void targetsMayHoldSpacesAndQueries() {
        RawHttpRequest request = RawHttpRequest.parse(
                "GET /example space/?a=b c HTTP/1.1\nHost:h\n\n".getBytes());
        assertThat(request.rawPath()).isEqualTo("/example space/");
        assertThat(request.rawQuery()).isEqualTo("a=b c");
        assertThat(List.of(request.method())).containsExactly("GET");
    }
}
