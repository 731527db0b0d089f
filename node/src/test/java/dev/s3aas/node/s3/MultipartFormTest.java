package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The POST object form parser's framing; the end-to-end POST upload is covered by the node's ITs. */
class MultipartFormTest {
    private static MultipartForm form(String boundary, String body) {
        return new MultipartForm(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), boundary);
    }

    @Test
    void readsFieldsAndTheFilePart() throws Exception {
        MultipartForm form = form("b0und", "--b0und\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n"
                + "a.txt\r\n--b0und\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--b0und--\r\n");
        MultipartForm.Part key = form.next();
        assertThat(key.name()).isEqualTo("key");
        assertThat(new String(key.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a.txt");
        MultipartForm.Part file = form.next();
        assertThat(file.filename()).isEqualTo("a.txt");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(new String(file.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(form.next()).isNull();
    }

    /**
     * Regression: a boundary longer than the 64 KiB buffer made the preamble scan spin forever (fill() reports
     * progress on a full buffer), so the request thread hung. RFC 2046 caps boundaries at 70 characters. The
     * timeout only turns that hang into a failure.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBoundaryOverSeventyCharactersIsMalformedInsteadOfHanging() {
        String boundary = "x".repeat(70_000);
        MultipartForm form = form(boundary, "preamble".repeat(10_000) + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--" + boundary + "--\r\n");
        assertThatThrownBy(form::next).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedPOSTRequest));
    }

    @Test
    void seventyCharactersIsStillABoundary() throws Exception {
        String boundary = "y".repeat(70);
        MultipartForm form = form(boundary, "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--" + boundary + "--\r\n");
        assertThat(form.next().name()).isEqualTo("key");
    }

    /** Regression: multipart/form-data without a boundary parameter used the literal boundary "null". */
    @Test
    void aMissingBoundaryIsMalformed() {
        assertThat(MultipartForm.boundary("multipart/form-data")).isNull();
        MultipartForm form = form(MultipartForm.boundary("multipart/form-data"),
                "--null\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--null--\r\n");
        assertThatThrownBy(form::next).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedPOSTRequest));
    }
}
