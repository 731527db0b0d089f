package dev.s3aas.controlplane.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the web console's static files from the classpath directory {@code console/} at {@code /console/}
 * ({@code /console} redirects there). Only names made of safe characters with a known extension are served,
 * so no {@code ..} (raw or percent-encoded) can leave the directory; anything else is a 404. Every response
 * carries a strict Content-Security-Policy and no-sniff / no-referrer headers.
 */
public final class ConsoleHandler extends Handler.Abstract {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.[a-z]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !(rawPath.equals("/console") || rawPath.startsWith("/console/"))) {
            return false;
        }
        headers(response);
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            send(response, callback, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes());
            return true;
        }
        if (rawPath.equals("/console")) {
            response.setStatus(308);
            response.getHeaders().put(HttpHeader.LOCATION, "/console/");
            callback.succeeded();
            return true;
        }
        String name = rawPath.substring("/console/".length());
        if (name.isEmpty()) {
            name = "index.html";
        }
        byte[] body = SAFE.matcher(name).matches() ? load(name) : null;
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (body == null || type == null) {
            send(response, callback, 404, "text/plain; charset=utf-8", "not found\n".getBytes());
            return true;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, name.equals("index.html") ? "no-cache" : "max-age=300");
        send(response, callback, 200, type, request.getMethod().equals("HEAD") ? new byte[0] : body);
        return true;
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleHandler.class.getClassLoader().getResourceAsStream("console/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headers(Response response) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
