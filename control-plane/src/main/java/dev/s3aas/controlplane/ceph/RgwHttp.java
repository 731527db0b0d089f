package dev.s3aas.controlplane.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.sigv4.RequestView;
import dev.s3aas.common.sigv4.SigV4Signer;
import dev.s3aas.common.sigv4.SigningCredentials;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.RequestIdHeader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * SigV4-signed requests to one RGW gateway as the cluster's admin user: the admin ops API
 * ({@code /admin/...}, JSON) and RGW's IAM API ({@code POST /}, form in, XML out). Hand-rolled over the
 * JDK client with our signer because no maintained Java client covers RGW's admin ops.
 *
 * <p>Two RGW rules shape it: the admin ops API cannot verify a signed payload hash of a body ("AWS4
 * completion for this operation NOT IMPLEMENTED", answered 501), so bodies go as {@code UNSIGNED-PAYLOAD};
 * IAM requests sign their form body's hash as usual.
 */
final class RgwHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    private static final String UNSIGNED = "UNSIGNED-PAYLOAD";

    static {
        // Responses are parsed, never trusted: no DTDs, no external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** An answer with a 2xx status. */
    record Answer(int status, String body) {
        JsonNode json() throws NodeException {
            try {
                return JSON.readTree(body.isEmpty() ? "null" : body);
            } catch (IOException e) {
                throw new NodeException.Rejected("BadResponse", "the gateway sent invalid JSON: " + e.getMessage(), e);
            }
        }
    }

    private final HttpClient http;
    private final URI gateway;
    private final SigV4Signer s3Signer;
    private final SigV4Signer iamSigner;
    private final Clock clock;

    RgwHttp(HttpClient http, URI gateway, String accessKey, String secretKey, Clock clock) {
        this.http = http;
        this.gateway = gateway;
        SigningCredentials creds = new SigningCredentials(accessKey, secretKey);
        this.s3Signer = new SigV4Signer(creds, "us-east-1", "s3");
        this.iamSigner = new SigV4Signer(creds, "us-east-1", "iam");
        this.clock = clock;
    }

    URI gateway() {
        return gateway;
    }

    /** {@code method /admin/<resource>?<query>} (query keys in order; a null value sends the bare key). */
    Answer admin(String method, String resource, Map<String, String> query, String jsonBody) throws NodeException {
        String rawQuery = query.entrySet().stream()
                .map(e -> e.getValue() == null ? encode(e.getKey()) : encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String path = "/admin/" + resource;
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        String hash = body.length == 0 ? Digests.EMPTY_SHA256_HEX : UNSIGNED;
        return send(method, path, rawQuery, body, hash, s3Signer, null, "admin " + method + " " + path);
    }

    /** One IAM action ({@code Action=...&...}); returns the XML body. */
    Answer iam(String action, Map<String, String> params) throws NodeException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Action", action);
        all.put("Version", "2010-05-08");
        all.putAll(params);
        byte[] body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        return send("POST", "/", "", body, Digests.sha256Hex(body), iamSigner,
                "application/x-www-form-urlencoded; charset=utf-8", "IAM " + action);
    }

    private Answer send(String method, String path, String rawQuery, byte[] body, String payloadHash,
            SigV4Signer signer, String contentType, String what) throws NodeException {
        String hostPort = gateway.getRawAuthority();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", hostPort));
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        SigV4Signer.SignedRequest signed = signer.sign(RequestView.of(method, path, rawQuery, headers), payloadHash,
                clock.instant());
        URI uri = URI.create(gateway + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
        HttpRequest.Builder request = RequestIdHeader.onto(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(15))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        signed.headersToAdd().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NodeException.Unreachable(what + ": gateway " + gateway + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException.Unreachable(what + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw rejected(what, response);
        }
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * RGW's errors: JSON {@code {"Code": …}} from the admin API, XML {@code <Error><Code>} from IAM. The body
     * is never echoed whole: it is only searched for the code (an error must not carry what a request sent).
     */
    private static NodeException rejected(String what, HttpResponse<String> response) {
        String code = "HTTP" + response.statusCode();
        String body = response.body() == null ? "" : response.body();
        try {
            if (body.startsWith("{")) {
                code = JSON.readTree(body).path("Code").asText(code);
            } else if (body.contains("<Code>")) {
                List<String> codes = texts(body, "Code");
                code = codes.isEmpty() ? code : codes.get(0);
            }
        } catch (IOException | NodeException e) {
            // Unparseable: keep the HTTP status as the code.
        }
        if (response.statusCode() >= 500 && !"NotImplemented".equals(code)) {
            return new NodeException.Unreachable(what + ": gateway error " + response.statusCode() + " " + code, null);
        }
        return new NodeException.Rejected(code, what + " refused (HTTP " + response.statusCode() + ")", null);
    }

    /** The text of every element named {@code local} in an XML document, in document order. */
    static List<String> texts(String xml, String local) throws NodeException {
        List<String> out = new ArrayList<>();
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new StringReader(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals(local)) {
                    out.add(r.getElementText());
                }
            }
        } catch (XMLStreamException e) {
            throw new NodeException.Rejected("BadResponse", "the gateway sent invalid XML: " + e.getMessage(), e);
        }
        return out;
    }

    /** RFC 3986 percent-encoding, as SigV4's canonical query wants it. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
