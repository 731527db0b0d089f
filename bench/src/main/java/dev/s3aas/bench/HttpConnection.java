package dev.s3aas.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection of the lean client: blocking NIO with TCP_NODELAY, a reused direct
 * buffer for the request head and one for responses, a hand-written response parser (status line, headers,
 * Content-Length, chunked or read-to-close bodies). One request at a time; not thread-safe. Reconnects
 * when the server closed the connection ({@code Connection: close}).
 */
final class HttpConnection implements AutoCloseable {
    static final int DEFAULT_BUFFER = 256 * 1024;
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final InetSocketAddress address;
    private final ByteBuffer in;
    private ByteBuffer head = ByteBuffer.allocateDirect(4096);
    private final ByteBuffer[] gather = new ByteBuffer[2];
    private SocketChannel channel;
    private int connects;

    HttpConnection(InetSocketAddress address, int bufferSize) {
        this.address = address;
        this.in = ByteBuffer.allocateDirect(bufferSize).flip();
    }

    /** How many TCP connections this has opened (1 while keep-alive holds). */
    int connects() {
        return connects;
    }

    /** Sends a request head (ending with the blank line) and the body's remaining bytes, if any. */
    void send(AsciiBuf requestHead, ByteBuffer body) throws IOException {
        if (channel == null) {
            connect();
        }
        if (head.capacity() < requestHead.length()) {
            head = ByteBuffer.allocateDirect(Integer.highestOneBit(requestHead.length()) * 2);
        }
        head.clear();
        requestHead.copyTo(head);
        head.flip();
        try {
            if (body == null || !body.hasRemaining()) {
                while (head.hasRemaining()) {
                    channel.write(head);
                }
            } else {
                gather[0] = head;
                gather[1] = body;
                while (body.hasRemaining()) {
                    channel.write(gather);
                }
                gather[1] = null;
            }
        } catch (IOException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Reads one response. A 2xx body goes to {@code sink}; any other body is kept (truncated) in the result.
     *
     * @param headRequest the request was HEAD: the response has no body whatever its headers say
     * @param wantEtag keep the ETag header (a String allocation, so only when needed)
     */
    HttpResponse read(boolean headRequest, boolean wantEtag, BodySink sink) throws IOException {
        try {
            ResponseHead h;
            do {
                h = readHead(wantEtag);
            } while (h.status() / 100 == 1); // 100 Continue and other interim responses carry no body
            boolean ok = h.status() / 100 == 2;
            ErrorCapture error = ok ? null : new ErrorCapture();
            BodySink target = ok ? sink : error;
            long length;
            boolean close = h.close();
            if (headRequest || h.status() == 204 || h.status() == 304) {
                length = 0;
            } else if (h.chunked()) {
                length = readChunked(target);
            } else if (h.contentLength() >= 0) {
                readFixed(h.contentLength(), target);
                length = h.contentLength();
            } else {
                length = readToEof(target);
                close = true;
            }
            if (close) {
                closeQuietly();
            }
            return new HttpResponse(h.status(), length, h.etag(), error == null ? null : error.bytes());
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void connect() throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(address);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        in.clear().flip();
        connects++;
    }

    private ResponseHead readHead(boolean wantEtag) throws IOException {
        int end;
        int scanned = in.position();
        while ((end = headEnd(scanned)) < 0) {
            scanned = Math.max(in.position(), in.limit() - 3);
            int consumedBefore = in.position();
            if (!fill(true)) {
                throw new EOFException("connection closed before a complete response head");
            }
            scanned -= consumedBefore - in.position(); // fill() may have compacted the buffer
        }
        ResponseHead h = ResponseHeadParser.parse(in, in.position(), end, wantEtag);
        in.position(end);
        return h;
    }

    /** Index just after the CRLFCRLF ending the head, searching from {@code from}; -1 if not there yet. */
    private int headEnd(int from) {
        for (int i = Math.max(from, in.position()); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /**
     * Reads more bytes after the unread ones. With {@code keep} the unread bytes are moved to the front first
     * (a head or chunk line being assembled); without, the buffer must be empty. False at end of stream.
     */
    private boolean fill(boolean keep) throws IOException {
        if (keep) {
            in.compact();
            if (!in.hasRemaining()) {
                in.flip();
                throw new IOException("response line or head larger than " + in.capacity() + " bytes");
            }
        } else {
            in.clear();
        }
        int n = channel.read(in);
        in.flip();
        return n > 0;
    }

    private void readFixed(long length, BodySink sink) throws IOException {
        long left = length;
        while (left > 0) {
            if (!in.hasRemaining() && !fill(false)) {
                throw new EOFException("connection closed with " + left + " of " + length + " body bytes unread");
            }
            int n = (int) Math.min(left, in.remaining());
            int limit = in.limit();
            int start = in.position();
            in.limit(start + n);
            sink.accept(in);
            in.limit(limit).position(start + n);
            left -= n;
        }
    }

    private long readChunked(BodySink sink) throws IOException {
        long total = 0;
        while (true) {
            String line = readLine();
            int semi = line.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line: " + line);
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: not used by S3 responses
                }
                return total;
            }
            readFixed(size, sink);
            total += size;
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    /** A CRLF-terminated line (chunk sizes, trailers: rare, so a String is fine). */
    private String readLine() throws IOException {
        while (true) {
            for (int i = in.position(); i + 1 < in.limit(); i++) {
                if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                    byte[] b = new byte[i - in.position()];
                    in.get(b);
                    in.position(i + 2);
                    return new String(b, StandardCharsets.US_ASCII);
                }
            }
            if (!fill(true)) {
                throw new EOFException("connection closed inside a chunked body");
            }
        }
    }

    private long readToEof(BodySink sink) throws IOException {
        long total = 0;
        while (true) {
            if (in.hasRemaining()) {
                total += in.remaining();
                int limit = in.limit();
                sink.accept(in);
                in.limit(limit).position(limit);
            }
            if (!fill(false)) {
                return total;
            }
        }
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the connection is being dropped anyway
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    /** Keeps the first bytes of an error body for the message. */
    private static final class ErrorCapture implements BodySink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public void accept(ByteBuffer data) {
            int n = Math.min(data.remaining(), MAX_ERROR_BODY - out.size());
            if (n > 0) {
                byte[] b = new byte[n];
                data.get(data.position(), b);
                out.write(b, 0, n);
            }
            data.position(data.limit());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
