package dev.s3aas.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The benchmark's S3 client: path-style requests over one keep-alive {@link HttpConnection}, signed with
 * {@link LeanSigner}. Keys must consist of unreserved characters and '/', so the path as sent is already its
 * canonical form (SigV4 for S3 does not re-encode '/'). One instance per worker.
 */
final class LeanS3Client implements LoadClient {
    private final String bucket;
    private final PayloadSigning signing;
    private final Payloads payloads;
    private final HttpConnection connection;
    private final LeanSigner signer;
    private final String host;
    private final AsciiBuf head = new AsciiBuf(1024);
    private final ByteBuffer body;
    private final VerifyingSink verifier;

    LeanS3Client(Endpoint endpoint, String bucket, PayloadSigning signing, Payloads payloads) {
        this(endpoint, bucket, signing, payloads, HttpConnection.DEFAULT_BUFFER);
    }

    LeanS3Client(Endpoint endpoint, String bucket, PayloadSigning signing, Payloads payloads, int bufferSize) {
        this.bucket = bucket;
        this.signing = signing;
        this.payloads = payloads;
        this.connection = new HttpConnection(endpoint.socketAddress(), bufferSize);
        this.signer = new LeanSigner(endpoint.accessKey(), endpoint.secretKey(), endpoint.region());
        this.host = endpoint.hostHeader();
        this.body = payloads.view();
        this.verifier = new VerifyingSink(payloads);
    }

    HttpConnection connection() {
        return connection;
    }

    /** Creates the bucket; one that already exists and is ours is fine. */
    void createBucket() throws IOException, BenchFailure {
        HttpResponse r = exchange("PUT", "/" + bucket, "", "", emptyHash(), null, 0, false, BodySink.DISCARD);
        if (!r.ok() && !(r.status() == 409 && r.errorText().contains("BucketAlreadyOwnedByYou"))) {
            throw BenchFailure.fromResponse("CreateBucket " + bucket, r);
        }
    }

    @Override
    public void put(String key, Payload payload) throws IOException, BenchFailure {
        String path = path(key);
        HttpResponse r = exchange("PUT", path, "", "", payloadHash(payload), bodyOf(payload), payload.length(),
                false, BodySink.DISCARD);
        if (!r.ok()) {
            throw BenchFailure.fromResponse("PUT " + path, r);
        }
    }

    @Override
    public void get(String key, Payload expected, boolean verifyBytes) throws IOException, BenchFailure {
        String path = path(key);
        verifier.reset(expected, verifyBytes);
        HttpResponse r = exchange("GET", path, "", "", emptyHash(), null, -1, false, verifier);
        if (!r.ok()) {
            throw BenchFailure.fromResponse("GET " + path, r);
        }
        verifier.check(path, r.bodyLength());
    }

    @Override
    public void putMultipart(String key, Payload payload, long partSize) throws IOException, BenchFailure {
        String uploadId = initiateMultipart(key);
        List<String> etags = new ArrayList<>();
        String idQuery = "uploadId=" + uriEncode(uploadId);
        for (long start = 0, part = 1; start < payload.length(); start += partSize, part++) {
            Payload p = payload.part(start, Math.min(partSize, payload.length() - start));
            String query = "partNumber=" + part + "&" + idQuery;
            HttpResponse r = exchange("PUT", path(key), query, query, payloadHash(p), bodyOf(p), p.length(), true,
                    BodySink.DISCARD);
            if (!r.ok() || r.etag() == null) {
                throw BenchFailure.fromResponse("UploadPart " + part + " of " + path(key), r);
            }
            etags.add(r.etag());
        }
        completeMultipart(key, idQuery, etags);
    }

    /** CreateMultipartUpload; returns the upload id. A 501 (no multipart support) is a BenchFailure with that status. */
    String initiateMultipart(String key) throws IOException, BenchFailure {
        CollectingSink xml = new CollectingSink();
        HttpResponse r = exchange("POST", path(key), "uploads", "uploads=", emptyHash(), null, 0, false, xml);
        if (!r.ok()) {
            throw BenchFailure.fromResponse("CreateMultipartUpload " + path(key), r);
        }
        String id = XmlText.element(xml.text(), "UploadId");
        if (id == null || id.isEmpty()) {
            throw new BenchFailure("CreateMultipartUpload " + path(key) + ": no UploadId in " + xml.text());
        }
        return id;
    }

    /** AbortMultipartUpload, best effort (used after probing for multipart support). */
    void abortMultipart(String key, String uploadId) throws IOException {
        String q = "uploadId=" + uriEncode(uploadId);
        exchange("DELETE", path(key), q, q, emptyHash(), null, -1, false, BodySink.DISCARD);
    }

    private void completeMultipart(String key, String idQuery, List<String> etags) throws IOException, BenchFailure {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(XmlText.escape(etags.get(i))).append("</ETag></Part>");
        }
        byte[] doc = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        String hash = signing == PayloadSigning.SIGNED ? sha256Hex(doc) : LeanSigner.UNSIGNED_PAYLOAD;
        CollectingSink answer = new CollectingSink();
        HttpResponse r = exchange("POST", path(key), idQuery, idQuery, hash, ByteBuffer.wrap(doc), doc.length,
                false, answer);
        // CompleteMultipartUpload can fail with 200 and an Error document (S3 API reference).
        if (!r.ok() || answer.text().contains("<Error>")) {
            throw new BenchFailure("CompleteMultipartUpload " + path(key) + ": HTTP " + r.status() + " "
                    + (r.ok() ? answer.text() : r.errorText()), r.status(), XmlText.element(
                    r.ok() ? answer.text() : r.errorText(), "Code"));
        }
    }

    private HttpResponse exchange(String method, String path, String rawQuery, String canonicalQuery,
            String payloadHash, ByteBuffer requestBody, long contentLength, boolean wantEtag, BodySink sink)
            throws IOException {
        String date = signer.amzDate(System.currentTimeMillis());
        head.reset().append(method).append(' ').append(path);
        if (!rawQuery.isEmpty()) {
            head.append('?').append(rawQuery);
        }
        head.append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nx-amz-date: ").append(date)
                .append("\r\nx-amz-content-sha256: ").append(payloadHash)
                .append("\r\nAuthorization: ");
        signer.appendAuthorization(head, method, path, canonicalQuery, host, date, payloadHash);
        head.append("\r\n");
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        connection.send(head, requestBody);
        return connection.read(method.equals("HEAD"), wantEtag, sink);
    }

    private String path(String key) {
        return "/" + bucket + "/" + key;
    }

    private ByteBuffer bodyOf(Payload p) {
        body.limit(Math.toIntExact(p.offset() + p.length())).position(p.offset());
        return body;
    }

    private String payloadHash(Payload p) {
        return signing == PayloadSigning.SIGNED ? payloads.sha256Hex(p) : LeanSigner.UNSIGNED_PAYLOAD;
    }

    private String emptyHash() {
        return signing == PayloadSigning.SIGNED ? LeanSigner.EMPTY_SHA256 : LeanSigner.UNSIGNED_PAYLOAD;
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (SigV4's UriEncode). */
    static String uriEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        connection.close();
    }
}
