package dev.s3aas.node.s3;

import dev.s3aas.node.storage.CorsConfiguration;
import dev.s3aas.node.storage.CorsMethod;
import dev.s3aas.node.storage.CorsRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CORS configuration documents in and out (PutBucketCors / GetBucketCors) and rule matching, as the S3 user
 * guide's "How Amazon S3 evaluates the CORS configuration on a bucket" describes: the first rule whose
 * AllowedOrigin matches the {@code Origin} (one {@code *} wildcard allowed per origin), whose AllowedMethod
 * contains the method, and — for a preflight — whose AllowedHeader entries cover every requested header.
 */
final class CorsRules {
    static final int MAX_RULES = 100;
    private static final int MAX_ID = 255;

    private CorsRules() {}

    static CorsConfiguration fromDocument(XmlBody.Node doc) throws S3Exception {
        if (!doc.name().equals("CORSConfiguration")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        List<XmlBody.Node> rules = doc.all("CORSRule");
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw new S3Exception(S3ErrorCode.MalformedXML, rules.isEmpty()
                    ? "A CORS configuration needs at least one CORSRule."
                    : "A CORS configuration can have at most " + MAX_RULES + " rules.");
        }
        List<CorsRule> out = new ArrayList<>(rules.size());
        for (XmlBody.Node r : rules) {
            out.add(rule(r));
        }
        return new CorsConfiguration(out);
    }

    private static CorsRule rule(XmlBody.Node r) throws S3Exception {
        String id = r.childText("ID");
        if (id != null && id.length() > MAX_ID) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The ID of a CORS rule can be at most 255 characters.");
        }
        List<CorsMethod> methods = new ArrayList<>();
        for (String m : texts(r, "AllowedMethod")) {
            try {
                methods.add(CorsMethod.valueOf(m));
            } catch (IllegalArgumentException e) {
                throw new S3Exception(S3ErrorCode.InvalidRequest,
                        "Found unsupported HTTP method in CORS config. Unsupported method is " + m);
            }
        }
        List<String> origins = texts(r, "AllowedOrigin");
        if (methods.isEmpty() || origins.isEmpty()) {
            throw new S3Exception(S3ErrorCode.MalformedXML,
                    "Each CORSRule needs at least one AllowedMethod and one AllowedOrigin.");
        }
        for (String o : origins) {
            oneWildcard("AllowedOrigin", o);
        }
        List<String> headers = texts(r, "AllowedHeader");
        for (String h : headers) {
            oneWildcard("AllowedHeader", h);
        }
        Integer maxAge = null;
        String age = r.childText("MaxAgeSeconds");
        if (age != null) {
            try {
                maxAge = Integer.parseInt(age);
            } catch (NumberFormatException e) {
                maxAge = -1;
            }
            if (maxAge < 0) {
                throw new S3Exception(S3ErrorCode.MalformedXML, "MaxAgeSeconds must be a non-negative integer.");
            }
        }
        return new CorsRule(id, methods, origins, headers, texts(r, "ExposeHeader"), maxAge);
    }

    private static void oneWildcard(String what, String value) throws S3Exception {
        if (value.indexOf('*') != value.lastIndexOf('*')) {
            throw new S3Exception(S3ErrorCode.InvalidRequest,
                    what + " \"" + value + "\" can not have more than one wildcard.");
        }
    }

    private static List<String> texts(XmlBody.Node parent, String name) {
        List<String> out = new ArrayList<>();
        for (XmlBody.Node n : parent.all(name)) {
            out.add(n.text());
        }
        return out;
    }

    static Xml document(CorsConfiguration c) {
        Xml xml = Xml.document("CORSConfiguration");
        for (CorsRule r : c.rules()) {
            xml.start("CORSRule").element("ID", r.id());
            r.allowedHeaders().forEach(h -> xml.element("AllowedHeader", h));
            r.allowedMethods().forEach(m -> xml.element("AllowedMethod", m.name()));
            r.allowedOrigins().forEach(o -> xml.element("AllowedOrigin", o));
            r.exposeHeaders().forEach(h -> xml.element("ExposeHeader", h));
            if (r.maxAgeSeconds() != null) {
                xml.element("MaxAgeSeconds", r.maxAgeSeconds());
            }
            xml.end();
        }
        return xml;
    }

    /**
     * The first rule that allows this origin and method and, for a preflight, every requested header
     * ({@code requestedHeaders} empty for an actual request).
     */
    static Optional<CorsRule> match(CorsConfiguration c, String origin, String method, List<String> requestedHeaders) {
        CorsMethod m;
        try {
            m = CorsMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (CorsRule r : c.rules()) {
            if (r.allowedMethods().contains(m) && r.allowedOrigins().stream().anyMatch(o -> wildcard(o, origin))
                    && requestedHeaders.stream().allMatch(h -> r.allowedHeaders().stream()
                            .anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT), h)))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A pattern with at most one '*' matching any run of characters. */
    static boolean wildcard(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        return value.length() >= head.length() + tail.length() && value.startsWith(head) && value.endsWith(tail);
    }

    /** The requested headers of a preflight ({@code Access-Control-Request-Headers}), lower-cased. */
    static List<String> requestedHeaders(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String h : header.split(",")) {
                String t = h.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
