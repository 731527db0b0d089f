package dev.s3aas.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server for tests: one thread per connection, requests parsed just enough (request line,
 * headers, Content-Length body), answers written raw by a handler so that tests control every byte: chunked
 * bodies, Connection: close, corrupted content, responses trickled byte by byte.
 */
final class FakeHttpServer implements AutoCloseable {
    /** A parsed request. */
    record Request(String method, String target, List<String> headers, byte[] body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** Raw response bytes, and whether to close the connection after them. */
    record Response(byte[] bytes, boolean close, boolean trickle) {
        static Response of(String head, byte[] body) {
            byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return new Response(all, false, false);
        }

        Response closing() {
            return new Response(bytes, true, trickle);
        }

        Response trickled() {
            return new Response(bytes, close, true);
        }
    }

    private final ServerSocket socket;
    private final Function<Request, Response> handler;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();

    FakeHttpServer(Function<Request, Response> handler) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread.ofPlatform().daemon().name("fake-http-accept").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    Endpoint endpoint() {
        return new Endpoint("127.0.0.1", port(), "fake", "fake-secret", "us-east-1");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                synchronized (open) {
                    open.add(s);
                }
                Thread.ofPlatform().daemon().name("fake-http-conn").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                Request r = readRequest(in);
                if (r == null) {
                    return;
                }
                Response resp = handler.apply(r);
                if (resp.trickle()) {
                    for (byte b : resp.bytes()) {
                        out.write(b);
                        out.flush();
                    }
                } else {
                    out.write(resp.bytes());
                    out.flush();
                }
                if (resp.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) { // CR LF CR LF ends the head
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        List<String> headers = List.of(lines).subList(1, lines.length);
        long length = 0;
        for (String h : headers) {
            if (h.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes((int) length);
        return new Request(requestLine[0], requestLine[1], headers, body);
    }

    /** A simple object store that answers PUT and GET, optionally flipping one byte of every GET body. */
    static Function<Request, Response> store(boolean corrupt) {
        ConcurrentHashMap<String, byte[]> objects = new ConcurrentHashMap<>();
        return r -> {
            if (r.method().equals("PUT")) {
                objects.put(r.path(), r.body());
                return Response.of("HTTP/1.1 200 OK\r\nETag: \"x\"\r\nContent-Length: 0\r\n\r\n", new byte[0]);
            }
            byte[] body = objects.get(r.path());
            if (body == null) {
                byte[] err = "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8);
                return Response.of("HTTP/1.1 404 Not Found\r\nContent-Length: " + err.length + "\r\n\r\n", err);
            }
            byte[] copy = body.clone();
            if (corrupt && copy.length > 0) {
                copy[copy.length / 2] ^= 1;
            }
            return Response.of("HTTP/1.1 200 OK\r\nContent-Length: " + copy.length + "\r\n\r\n", copy);
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
