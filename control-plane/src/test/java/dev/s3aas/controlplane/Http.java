package dev.s3aas.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small JSON client for the API tests (java.net.http + Jackson). */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, parsed body (MissingNode when empty) and headers. */
    record Resp(int status, JsonNode body, HttpHeaders headers, String raw) {
        String text(String field) {
            return body.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Resp call(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = r.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(r.body());
            return new Resp(r.statusCode(), parsed, r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Resp get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    Resp post(String path, String token, Object body) {
        return call("POST", path, token, body, Map.of());
    }

    Resp patch(String path, String token, Object body) {
        return call("PATCH", path, token, body, Map.of());
    }

    Resp delete(String path, String token) {
        return call("DELETE", path, token, null, Map.of());
    }

    /** Password grant; fails the test unless it succeeds. */
    String login(String user, String password) {
        return login(user, password, null);
    }

    String login(String user, String password, String project) {
        Map<String, Object> body = project == null ? Map.of("username", user, "password", password)
                : Map.of("username", user, "password", password, "project_id", project);
        Resp r = post("/v1/auth/token", null, body);
        if (r.status() != 200) {
            throw new AssertionError("login of " + user + " failed: " + r);
        }
        return r.text("access_token");
    }
}
