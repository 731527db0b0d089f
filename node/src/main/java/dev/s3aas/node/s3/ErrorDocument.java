package dev.s3aas.node.s3;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the S3 error document ({@code <Error><Code>…}); HEAD responses carry the status only. */
final class ErrorDocument {
    private ErrorDocument() {}

    private static boolean isObjectHeader(String name) {
        return name.startsWith("x-amz-meta-") || name.startsWith("x-amz-object-lock-")
                || name.startsWith("x-amz-checksum-") || name.startsWith("x-amz-server-side-encryption")
                || name.equals("x-amz-tagging-count") || name.equals("x-amz-storage-class")
                || name.equals("x-amz-mp-parts-count") || name.equals("x-amz-website-redirect-location");
    }

    static void send(Request request, Response response, Callback callback, String requestId, S3ErrorCode code,
                     String message, Map<String, String> details, String bucket, String key) {
        response.setStatus(code.status);
        response.getHeaders().remove(HttpHeader.ETAG);
        response.getHeaders().remove(HttpHeader.LAST_MODIFIED);
        // An operation may fail after it set an object's headers (GetObject's response-* overrides are checked
        // last); they describe that object, not this XML body. Version id and delete marker stay: S3 sends them
        // with NoSuchKey for a delete marker.
        response.getHeaders().remove(HttpHeader.CONTENT_ENCODING);
        response.getHeaders().remove(HttpHeader.CONTENT_LANGUAGE);
        response.getHeaders().remove(HttpHeader.CONTENT_DISPOSITION);
        response.getHeaders().remove(HttpHeader.CACHE_CONTROL);
        response.getHeaders().remove(HttpHeader.EXPIRES);
        for (var it = response.getHeaders().listIterator(); it.hasNext(); ) {
            if (isObjectHeader(it.next().getLowerCaseName())) {
                it.remove();
            }
        }
        if (code == S3ErrorCode.InvalidRange || code == S3ErrorCode.MethodNotAllowed
                || code == S3ErrorCode.PreconditionFailed) {
            // keep headers an operation set on purpose (Content-Range, Allow)
        } else {
            response.getHeaders().remove(HttpHeader.CONTENT_RANGE);
        }
        Xml xml = Xml.plainDocument("Error")
                .element("Code", code.wireName)
                .element("Message", message == null ? code.defaultMessage : message);
        if (bucket != null) {
            xml.element("BucketName", bucket);
        }
        if (key != null) {
            xml.element("Key", key);
        }
        // SignatureDoesNotMatch carries what the server signed (StringToSign, CanonicalRequest…), as S3 does,
        // so client authors can see which part differs. It holds nothing secret.
        details.forEach(xml::element);
        xml.element("Resource", request.getHttpURI().getPath())
                .element("RequestId", requestId)
                .element("HostId", requestId);
        byte[] body = xml.toBytes();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        boolean head = "HEAD".equals(request.getMethod());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, head ? 0 : body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}
