package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.RequestView;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/** Adapts a Jetty request to what request signing needs, without copying headers. */
public final class JettyRequestView implements RequestView {
    private final Request request;
    private final HttpFields headers;

    public JettyRequestView(Request request) {
        this.request = request;
        this.headers = request.getHeaders();
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public List<String> headerValues(String name) {
        return headers.getValuesList(name);
    }

    @Override
    public Iterable<String> headerNames() {
        return headers.getFieldNamesCollection();
    }

    @Override
    public String header(String name) {
        HttpField f = headers.getField(name);
        return f == null ? null : f.getValue();
    }
}
