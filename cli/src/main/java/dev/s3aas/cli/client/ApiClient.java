package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLException;

/**
 * The control plane's REST API over {@link HttpClient}: bearer tokens from the {@link SessionStore}, refreshed
 * with the refresh grant ({@code POST /v1/auth/token}) when the stored access token has expired or a call is
 * answered 401 (once: a second 401 means the session is gone), and API errors ({@code {code, message, field?}})
 * turned into {@link CliError.Api}.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String endpoint;
    private final HttpClient http;
    private final SessionStore store;
    private final Clock clock;

    /** One response: status, parsed body (missing when empty), and the next page's marker for lists. */
    record Reply(int status, JsonNode body, String nextMarker) {
    }

    /** Items of one or more pages, and the marker to continue from when the listing was cut short. */
    record Listing(List<JsonNode> items, String nextMarker) {
    }

    ApiClient(String endpoint, HttpClient http, SessionStore store, Clock clock) {
        this.endpoint = stripSlash(endpoint);
        this.http = http;
        this.store = store;
        this.clock = clock;
    }

    String endpoint() {
        return endpoint;
    }

    /** The password grant; stores and returns the new session. The password is sent once and never kept. */
    Session login(String username, char[] password, String project) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", new String(password));
        if (project != null) {
            body.put("project_id", project);
        }
        Reply r = checked(send("POST", "/v1/auth/token", body, null));
        Session s = tokens(new Session(endpoint, username, project, "-", "-", Instant.EPOCH), r.body());
        store.save(s);
        return s;
    }

    JsonNode get(String path) {
        return call("GET", path, null).body();
    }

    JsonNode post(String path, JsonNode body) {
        return call("POST", path, body).body();
    }

    JsonNode patch(String path, JsonNode body) {
        return call("PATCH", path, body).body();
    }

    Reply delete(String path) {
        return call("DELETE", path, null);
    }

    /**
     * A list endpoint. Without {@code limit}, follows {@code X-Next-Marker} to the end; with it, returns at most
     * that many items (the API's page size is capped at 1000) and the marker to continue from.
     */
    Listing list(String path, Map<String, String> query, Integer limit, String marker) {
        if (limit != null && limit < 1) {
            throw new CliError.Usage("--limit must be at least 1");
        }
        List<JsonNode> items = new ArrayList<>();
        String next = marker;
        do {
            int page = limit == null ? 1000 : Math.min(1000, limit - items.size());
            StringJoiner q = new StringJoiner("&", path + "?", "");
            query.forEach((k, v) -> {
                if (v != null) {
                    q.add(k + "=" + encode(v));
                }
            });
            q.add("limit=" + page);
            if (next != null) {
                q.add("marker=" + encode(next));
            }
            Reply r = call("GET", q.toString(), null);
            r.body().forEach(items::add);
            next = r.nextMarker();
        } while (next != null && (limit == null || items.size() < limit));
        return new Listing(items, next);
    }

    /** An authenticated call, refreshing the session first if it expired and once more on a 401. */
    Reply call(String method, String path, JsonNode body) {
        Session s = session();
        if (s.expired(clock)) {
            s = refresh(s);
        }
        Reply r = send(method, path, body, s.accessToken());
        if (r.status() == 401) {
            // Repeating even a POST is safe: the API authenticates before it runs anything.
            s = refresh(s);
            r = send(method, path, body, s.accessToken());
        }
        if (r.status() == 401) {
            throw new CliError.NotLoggedIn(errorMessage(r) + ": run s3aas login");
        }
        return checked(r);
    }

    private Session session() {
        Session s = store.load().orElseThrow(() -> new CliError.NotLoggedIn("not logged in: run s3aas login"
                + (endpoint.equals(ClientOptions.DEFAULT_ENDPOINT) ? "" : " --endpoint " + endpoint)));
        if (!s.endpoint().equals(endpoint)) {
            throw new CliError.NotLoggedIn("not logged in to " + endpoint + " (the stored session is for "
                    + s.endpoint() + "): run s3aas login --endpoint " + endpoint);
        }
        return s;
    }

    private Session refresh(Session seen) {
        return store.refresh(seen, s -> {
            ObjectNode body = JSON.createObjectNode().put("grant_type", "refresh_token")
                    .put("refresh_token", s.refreshToken());
            Reply r = send("POST", "/v1/auth/token", body, null);
            if (r.status() == 401 || r.status() == 400) {
                throw new CliError.NotLoggedIn("the session has expired (" + errorMessage(r) + "): run s3aas login");
            }
            return tokens(s, checked(r).body());
        });
    }

    private Session tokens(Session s, JsonNode t) {
        Instant expires = clock.instant().plusSeconds(t.path("expires_in").asLong(0));
        return s.withTokens(t.path("access_token").asText(), t.path("refresh_token").asText(), expires);
    }

    private Reply send(String method, String path, JsonNode body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(resp.statusCode(), parse(resp.body()),
                    resp.headers().firstValue("X-Next-Marker").orElse(null));
        } catch (SSLException e) {
            throw new CliError.Unreachable("TLS with " + endpoint + " failed: " + e.getMessage()
                    + " (for a private CA, pass --ca-bundle or set S3AAS_CA_BUNDLE)");
        } catch (IOException e) {
            throw new CliError.Unreachable("cannot reach " + endpoint + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliError.Unreachable("interrupted while calling " + endpoint);
        }
    }

    private static Reply checked(Reply r) {
        if (r.status() >= 400) {
            JsonNode b = r.body();
            throw new CliError.Api(r.status(), b.path("code").asText(null), errorMessage(r),
                    b.hasNonNull("field") ? b.get("field").asText() : null);
        }
        return r;
    }

    private static String errorMessage(Reply r) {
        String m = r.body().path("message").asText(null);
        return m != null ? m : "HTTP " + r.status() + (r.body().isMissingNode() ? "" : ": " + abbreviate(r.body()));
    }

    private static String abbreviate(JsonNode body) {
        String s = body.isTextual() ? body.asText() : body.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            // A proxy's HTML error page, say: keep it as text for the error message.
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** Percent-encodes one path segment or query value (names may hold characters a URI reserves). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
