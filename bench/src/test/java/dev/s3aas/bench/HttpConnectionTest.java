package dev.s3aas.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The lean client's HTTP/1.1 framing, against a fake server that writes exactly the bytes each test needs. */
class HttpConnectionTest {
    private static final String HELLO = "hello, chunked world";

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n" + "f\r\n, chunked world\r\n" + "0\r\nx-trailer: y\r\n\r\n";
        try (FakeHttpServer server = new FakeHttpServer(r -> FakeHttpServer.Response.of(chunked, new byte[0]));
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 64)) {
            for (int i = 0; i < 3; i++) {
                Collected body = new Collected();
                HttpResponse r = exchange(c, "GET", body);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyLength()).isEqualTo(HELLO.length());
                assertThat(body.text()).isEqualTo(HELLO);
            }
            assertThat(c.connects()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void parsesAHeadTrickledByteByByteThroughATinyBuffer() throws Exception {
        String response = "HTTP/1.1 200 OK\r\ncontent-LENGTH:  5 \r\nETag: \"abc\"\r\n\r\nhello";
        try (FakeHttpServer server = new FakeHttpServer(
                r -> FakeHttpServer.Response.of(response, new byte[0]).trickled());
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 128)) {
            Collected body = new Collected();
            c.send(head("GET"), null);
            HttpResponse r = c.read(false, true, body);
            assertThat(r.etag()).isEqualTo("\"abc\"");
            assertThat(body.text()).isEqualTo("hello");
        }
    }

    @Test
    void reconnectsAfterConnectionClose() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        try (FakeHttpServer server = new FakeHttpServer(
                r -> FakeHttpServer.Response.of(response, new byte[0]).closing());
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 1024)) {
            for (int i = 0; i < 3; i++) {
                assertThat(exchange(c, "GET", new Collected()).status()).isEqualTo(200);
            }
            assertThat(c.connects()).isEqualTo(3);
        }
    }

    @Test
    void readsAnHttp10BodyUntilTheServerCloses() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer(
                r -> FakeHttpServer.Response.of("HTTP/1.0 200 OK\r\n\r\nuntil close", new byte[0]).closing());
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 1024)) {
            Collected body = new Collected();
            assertThat(exchange(c, "GET", body).bodyLength()).isEqualTo(11);
            assertThat(body.text()).isEqualTo("until close");
        }
    }

    @Test
    void keepsTheErrorBodyAndTheConnection() throws Exception {
        String error = "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>";
        try (FakeHttpServer server = new FakeHttpServer(r -> FakeHttpServer.Response.of(
                "HTTP/1.1 404 Not Found\r\nContent-Length: " + error.length() + "\r\n\r\n" + error, new byte[0]));
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 1024)) {
            Collected body = new Collected();
            HttpResponse r = exchange(c, "GET", body);
            assertThat(r.status()).isEqualTo(404);
            assertThat(body.text()).isEmpty();
            assertThat(r.errorText()).isEqualTo(error);
            assertThat(BenchFailure.fromResponse("GET /b/k", r).code()).isEqualTo("NoSuchKey");
            exchange(c, "GET", body);
            assertThat(c.connects()).isEqualTo(1);
        }
    }

    @Test
    void headResponsesHaveNoBodyWhateverContentLengthSays() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer(r -> r.method().equals("HEAD")
                ? FakeHttpServer.Response.of("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", new byte[0])
                : FakeHttpServer.Response.of("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", new byte[0]));
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 1024)) {
            c.send(head("HEAD"), null);
            assertThat(c.read(true, false, BodySink.DISCARD).bodyLength()).isZero();
            Collected body = new Collected();
            assertThat(exchange(c, "GET", body).bodyLength()).isEqualTo(3);
            assertThat(body.text()).isEqualTo("abc");
        }
    }

    @Test
    void aTruncatedBodyIsAnError() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer(r -> FakeHttpServer.Response.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", new byte[0]).closing());
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 1024)) {
            assertThatThrownBy(() -> exchange(c, "GET", new Collected())).isInstanceOf(EOFException.class)
                    .hasMessageContaining("7 of 10");
        }
    }

    @Test
    void rejectsGarbageInsteadOfAStatusLine() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer(r -> FakeHttpServer.Response.of(
                "SSH-2.0-nope\r\n\r\n", new byte[0]));
                HttpConnection c = new HttpConnection(server.endpoint().socketAddress(), 1024)) {
            assertThatThrownBy(() -> exchange(c, "GET", new Collected())).isInstanceOf(IOException.class)
                    .hasMessageContaining("status line");
        }
    }

    private static HttpResponse exchange(HttpConnection c, String method, BodySink sink) throws IOException {
        c.send(head(method), null);
        return c.read(method.equals("HEAD"), false, sink);
    }

    private static AsciiBuf head(String method) {
        return new AsciiBuf(64).append(method).append(" /b/k HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    /** Collects a body as text. */
    private static final class Collected implements BodySink {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void accept(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            text.append(new String(b, StandardCharsets.ISO_8859_1));
        }

        String text() {
            return text.toString();
        }
    }
}
