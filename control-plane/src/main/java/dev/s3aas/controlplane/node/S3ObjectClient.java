package dev.s3aas.controlplane.node;

import dev.s3aas.common.sigv4.RequestView;
import dev.s3aas.common.sigv4.SigV4Signer;
import dev.s3aas.common.sigv4.SigningCredentials;
import dev.s3aas.controlplane.node.ListingXml.S3Error;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;

/**
 * {@link ObjectClient} as plain S3 requests over the JDK HTTP client, SigV4-signed by {@code common.sigv4} with
 * the bucket owner's credentials (an s3aas node's root, an RGW tenant's owner).
 *
 * <p>Why not the MinIO SDK the bucket calls use: its PutObject reads each part into memory to sign it, and its
 * listings hide the continuation token a paged API needs. Here a PutObject is one request whose body is the
 * caller's stream, sent as it is read with its declared Content-Length and signed {@code UNSIGNED-PAYLOAD}
 * (hashing it first would mean holding it; the node is on the loopback or behind the node CA's TLS), so memory
 * is the HTTP client's few buffers whatever the size; S3 allows a single PUT up to 5 GiB. A GetObject hands back
 * the response stream unread.
 */
public final class S3ObjectClient implements ObjectClient {
    private static final String REGION = "us-east-1";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** Time to the response headers of a bodiless call; a put or get body may take as long as it takes. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final String baseUrl;
    private final String host;
    private final SigV4Signer signer;
    private final Clock clock;

    /** @param endpoint {@code http(s)://host[:port]} of the node or gateway */
    public S3ObjectClient(HttpClient http, String endpoint, String accessKey, String secretKey, Clock clock) {
        URI uri = URI.create(endpoint);
        this.http = http;
        this.baseUrl = uri.getScheme() + "://" + uri.getRawAuthority();
        // The Host header the JDK client sends: the authority as in the URI (it omits no explicit port).
        this.host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        this.signer = new SigV4Signer(new SigningCredentials(accessKey, secretKey), REGION, "s3");
        this.clock = clock;
    }

    @Override
    public ObjectListing listObjects(ListObjects q) throws NodeException {
        Map<String, String> query = listingQuery("list-type", "2", q.maxKeys(), q.prefix(), q.delimiter());
        putIfSet(query, "continuation-token", q.continuationToken());
        return parsed("ListObjectsV2", q.bucket(), query, ListingXml::objects);
    }

    @Override
    public VersionListing listVersions(ListVersions q) throws NodeException {
        Map<String, String> query = listingQuery("versions", "", q.maxKeys(), q.prefix(), q.delimiter());
        putIfSet(query, "key-marker", q.keyMarker());
        putIfSet(query, "version-id-marker", q.versionIdMarker());
        return parsed("ListObjectVersions", q.bucket(), query, ListingXml::versions);
    }

    /** The query both listings share: which listing, URL-encoded keys, page size, prefix and delimiter. */
    private static Map<String, String> listingQuery(String listing, String value, int maxKeys, String prefix,
            String delimiter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(listing, value);
        query.put("encoding-type", "url");
        query.put("max-keys", Integer.toString(maxKeys));
        putIfSet(query, "prefix", prefix);
        putIfSet(query, "delimiter", delimiter);
        return query;
    }

    @Override
    public PutResult putObject(String bucket, String key, String contentType, long length, InputStream body)
            throws NodeException {
        HttpRequest.BodyPublisher publisher = length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length);
        HttpRequest.Builder b = request("PUT", bucket, key, Map.of(), UNSIGNED_PAYLOAD, null)
                .method("PUT", publisher)
                // A refusal (no such bucket, quota) comes before the body is sent, not after gigabytes of it.
                .expectContinue(length > 0);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> r = send("PutObject", b.build(), HttpResponse.BodyHandlers.ofByteArray());
        requireSuccess("PutObject", r.statusCode(), r.body());
        return new PutResult(ListingXml.unquote(r.headers().firstValue("ETag").orElse(null)),
                r.headers().firstValue("x-amz-version-id").orElse(null));
    }

    @Override
    public ObjectData getObject(String bucket, String key, String versionId) throws NodeException {
        HttpRequest req = request("GET", bucket, key, versionQuery(versionId), EMPTY_SHA256, CALL_TIMEOUT).GET().build();
        HttpResponse<InputStream> r = send("GetObject", req, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_ERROR_BODY);
            } catch (IOException e) {
                body = new byte[0];
            }
            throw rejected("GetObject", r.statusCode(), body);
        }
        return new ObjectData(head(r), r.body());
    }

    @Override
    public ObjectHead headObject(String bucket, String key, String versionId) throws NodeException {
        HttpRequest req = request("HEAD", bucket, key, versionQuery(versionId), EMPTY_SHA256, CALL_TIMEOUT)
                .HEAD().build();
        HttpResponse<Void> r = send("HeadObject", req, HttpResponse.BodyHandlers.discarding());
        requireSuccess("HeadObject", r.statusCode(), new byte[0]);
        return head(r);
    }

    @Override
    public DeleteResult deleteObject(String bucket, String key, String versionId) throws NodeException {
        HttpRequest req = request("DELETE", bucket, key, versionQuery(versionId), EMPTY_SHA256, CALL_TIMEOUT)
                .DELETE().build();
        HttpResponse<byte[]> r = send("DeleteObject", req, HttpResponse.BodyHandlers.ofByteArray());
        requireSuccess("DeleteObject", r.statusCode(), r.body());
        return new DeleteResult("true".equals(r.headers().firstValue("x-amz-delete-marker").orElse(null)),
                r.headers().firstValue("x-amz-version-id").orElse(null));
    }

    private static ObjectHead head(HttpResponse<?> r) {
        var h = r.headers();
        return new ObjectHead(h.firstValue("Content-Type").orElse("application/octet-stream"),
                h.firstValueAsLong("Content-Length").orElse(-1), h.firstValue("ETag").orElse(null),
                h.firstValue("Last-Modified").orElse(null), h.firstValue("x-amz-version-id").orElse(null));
    }

    /** A listing call: its XML answer parsed, or the error it got. */
    private <T> T parsed(String what, String bucket, Map<String, String> query, Parser<T> parser) throws NodeException {
        HttpRequest req = request("GET", bucket, null, query, EMPTY_SHA256, CALL_TIMEOUT).GET().build();
        HttpResponse<byte[]> r = send(what, req, HttpResponse.BodyHandlers.ofByteArray());
        requireSuccess(what, r.statusCode(), r.body());
        try {
            return parser.parse(new ByteArrayInputStream(r.body()));
        } catch (XMLStreamException e) {
            throw new NodeException.Rejected("MalformedResponse", what + ": the answer is not S3 XML: "
                    + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(InputStream in) throws XMLStreamException;
    }

    /** A signed request for {@code /bucket[/key]?query}, path-style. */
    private HttpRequest.Builder request(String method, String bucket, String key, Map<String, String> query,
            String payloadHash, Duration timeout) {
        String rawPath = "/" + encode(bucket, false) + (key == null ? "" : "/" + encode(key, true));
        String rawQuery = query.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> encode(e.getKey(), false) + "=" + encode(e.getValue(), false))
                .collect(Collectors.joining("&"));
        SigV4Signer.SignedRequest signed = signer.sign(RequestView.of(method, rawPath, rawQuery,
                List.of(Map.entry("Host", host))), payloadHash, clock.instant());
        HttpRequest.Builder b = RequestIdHeader.onto(HttpRequest.newBuilder(
                URI.create(baseUrl + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery))));
        if (timeout != null) {
            b.timeout(timeout);
        }
        signed.headersToAdd().forEach(b::header);
        return b;
    }

    private <T> HttpResponse<T> send(String what, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws NodeException {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new NodeException.Unreachable(what + ": " + baseUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException.Unreachable(what + ": interrupted", e);
        }
    }

    private static void requireSuccess(String what, int status, byte[] body) throws NodeException {
        if (status / 100 != 2) {
            throw rejected(what, status, body);
        }
    }

    /** The S3 error code of the answer; a bodiless one (HEAD) is named after its status as S3 would. */
    private static NodeException.Rejected rejected(String what, int status, byte[] body) {
        S3Error e = ListingXml.error(body);
        if (e != null) {
            return new NodeException.Rejected(e.code(), what + ": " + e.message(), null, status);
        }
        String code = switch (status) {
            case 403 -> "AccessDenied";
            case 404 -> "NoSuchKey";
            case 405 -> "MethodNotAllowed";
            case 409 -> "InvalidObjectState";
            case 503 -> "ServiceUnavailable";
            default -> "HTTP" + status;
        };
        return new NodeException.Rejected(code, what + ": HTTP " + status, null, status);
    }

    private static Map<String, String> versionQuery(String versionId) {
        return versionId == null ? Map.of() : Map.of("versionId", versionId);
    }

    private static void putIfSet(Map<String, String> query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.put(name, value);
        }
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes, as SigV4 wants it; '/' kept in a key (path style). */
    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
