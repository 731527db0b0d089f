package dev.s3aas.controlplane.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.common.checksum.Digests;
import dev.s3aas.common.sigv4.RequestView;
import dev.s3aas.common.sigv4.SigV4Signer;
import dev.s3aas.common.sigv4.SigningCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bodiless MinIO admin API v3 call sent as our own SigV4-signed request (service {@code s3}, as
 * the admin clients sign), for the calls the MinIO SDK will not make.
 *
 * <p>The one such call today: {@code set-user-or-group-policy} with an empty {@code policyName},
 * which is how MinIO (and our node) detach every policy of a user. minio-admin 8.6.0's
 * {@code setPolicy} rejects an empty name before sending anything.
 */
final class SignedAdminCall {
    private static final String PREFIX = "/minio/admin/v3/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String hostPort;
    private final SigV4Signer signer;
    private final Clock clock;

    SignedAdminCall(HttpClient http, NodeEndpoint endpoint, String rootUser, String rootSecret, String region,
            Clock clock) {
        this.http = http;
        this.baseUrl = endpoint.url();
        this.hostPort = endpoint.host() + ":" + endpoint.port();
        this.signer = new SigV4Signer(new SigningCredentials(rootUser, rootSecret), region, "s3");
        this.clock = clock;
    }

    /** Sends {@code method /minio/admin/v3/<command>?<query>} and maps a non-2xx answer to {@link NodeException}. */
    void send(String method, String command, Map<String, String> query) throws NodeException {
        String rawQuery = new TreeMap<>(query).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        String path = PREFIX + command;
        SigV4Signer.SignedRequest signed = signer.sign(RequestView.of(method, path, rawQuery,
                List.of(Map.entry("Host", hostPort))), Digests.EMPTY_SHA256_HEX, clock.instant());
        HttpRequest.Builder request = RequestIdHeader.onto(
                HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + rawQuery)))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        signed.headersToAdd().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NodeException.Unreachable(command + ": " + baseUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException.Unreachable(command + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw rejected(command, response);
        }
    }

    /** Admin errors are JSON {@code {"Code","Message",…}}, as MinIO sends them. */
    private static NodeException.Rejected rejected(String command, HttpResponse<String> response) {
        String code = "HTTP" + response.statusCode();
        String message = response.body();
        try {
            JsonNode doc = JSON.readTree(response.body());
            code = doc.path("Code").asText(code);
            message = doc.path("Message").asText(message);
        } catch (IOException e) {
            // Not JSON: keep the status and the raw body.
        }
        return new NodeException.Rejected(code, command + ": " + message, null);
    }

    /** RFC 3986 percent-encoding, as SigV4's canonical query wants it. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
