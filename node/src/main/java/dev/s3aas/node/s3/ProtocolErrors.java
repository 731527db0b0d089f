package dev.s3aas.node.s3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Renders errors Jetty raises before our handler runs (unparseable request line, a path that climbs above
 * the root such as {@code /bucket/../../x}, oversized headers) as S3 error documents instead of HTML, so
 * S3 clients can parse them.
 */
final class ProtocolErrors extends ErrorHandler {
    /**
     * Jetty writes error bodies only for GET, POST and HEAD by default; a PUT with a malformed Content-Length
     * would get an empty 400. S3 clients parse the body of every error.
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String s3Code = switch (code) {
            case 400 -> "InvalidRequest";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 413, 431 -> "RequestHeaderSectionTooLarge";
            case 501 -> "NotImplemented";
            case 505 -> "HttpVersionNotSupported";
            case 503 -> "ServiceUnavailable";
            default -> code >= 500 ? "InternalError" : "InvalidRequest";
        };
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + s3Code + "</Code><Message>"
                + escape(switch (code) {
                    case 400 -> "The HTTP request could not be parsed (" + (message == null ? "for example, a path "
                            + "whose dot segments climb above the root" : message) + ").";
                    case 505 -> "The HTTP version is not supported; use HTTP/1.1.";
                    default -> String.valueOf(message);
                }) + "</Message></Error>";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
