package dev.s3aas.node.it;

import dev.s3aas.common.sigv4.RequestView;
import dev.s3aas.common.sigv4.SigV4Signer;
import dev.s3aas.common.sigv4.SigningCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately raw HTTP/1.1 client for protocol tests: every byte of the request is ours (Host header,
 * malformed bodies, odd paths, hand-made aws-chunked framing), which SDKs and java.net.http do not allow.
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The S3 error code in an error document, or null. */
        String errorCode() {
            String t = text();
            int a = t.indexOf("<Code>");
            int b = t.indexOf("</Code>");
            return a < 0 || b < 0 ? null : t.substring(a + 6, b);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends exactly these headers (plus Host and Content-Length unless given) and this body. */
    Response send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            boolean hasHost = false;
            boolean hasLength = false;
            for (var h : headers) {
                hasHost |= h.getKey().equalsIgnoreCase("host");
                hasLength |= h.getKey().equalsIgnoreCase("content-length") || h.getKey().equalsIgnoreCase("transfer-encoding");
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            if (!hasHost) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            if (!hasLength && body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(s.getInputStream(), method.equals("HEAD"));
        }
    }

    /** Sends these bytes as they are (a malformed request line, say) and reads the answer. */
    Response sendRaw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(s.getInputStream(), false);
        }
    }

    /** Headers ready to send, and the signature (the seed for aws-chunked uploads). */
    record Signed(List<Map.Entry<String, String>> headers, String signature, SigV4Signer signer) {}

    /** Signs with SigV4 (header form); Host is added and signed if not given. */
    Signed sign(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                String payloadHash, Instant at, String accessKey, String secret) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        if (all.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("host"))) {
            all.add(Map.entry("Host", "127.0.0.1:" + port));
        }
        SigV4Signer signer = new SigV4Signer(new SigningCredentials(accessKey, secret), "us-east-1", "s3");
        var signedRequest = signer.sign(RequestView.of(method, rawPath, rawQuery, all), payloadHash, at);
        signedRequest.headersToAdd().forEach((k, v) -> all.add(Map.entry(k, v)));
        return new Signed(all, signedRequest.signature(), signer);
    }

    Response signed(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                    byte[] body, String payloadHash, Instant at, String accessKey, String secret) throws IOException {
        Signed s = sign(method, rawPath, rawQuery, headers, payloadHash, at, accessKey, secret);
        String target = rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
        return send(method, target, s.headers(), body);
    }

    Response signed(String method, String rawPath, String rawQuery, byte[] body) throws IOException {
        return signed(method, rawPath, rawQuery, List.of(), body, sha256Hex(body == null ? new byte[0] : body),
                Instant.now(), TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
        }
        byte[] body;
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
                b.write(in.readNBytes(n));
                line(in);
            }
            body = b.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
