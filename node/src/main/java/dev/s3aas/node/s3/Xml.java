package dev.s3aas.node.s3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal streaming writer for S3 response documents. Hand-written because responses are small, flat and
 * on the hot path (listing), and a StAX writer adds allocation and ceremony for no gain here.
 */
final class Xml {
    static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder sb = new StringBuilder(512);
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    private Xml() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** A document whose root element carries the S3 namespace. */
    static Xml document(String root) {
        Xml x = new Xml();
        x.sb.append('<').append(root).append(" xmlns=\"").append(S3_NS).append("\">");
        x.open.push(root);
        return x;
    }

    /** A document whose root element has no namespace (S3 error documents). */
    static Xml plainDocument(String root) {
        Xml x = new Xml();
        x.sb.append('<').append(root).append('>');
        x.open.push(root);
        return x;
    }

    Xml start(String name) {
        sb.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Opens an element with attributes written as given (constant markup such as an xsi:type; not escaped). */
    Xml startWithAttributes(String name, String attributes) {
        sb.append('<').append(name).append(' ').append(attributes).append('>');
        open.push(name);
        return this;
    }

    Xml end() {
        sb.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}; nothing when value is null. */
    Xml element(String name, String value) {
        if (value != null) {
            sb.append('<').append(name).append('>');
            escape(value);
            sb.append("</").append(name).append('>');
        }
        return this;
    }

    /** Text content for the current element. */
    Xml text(String value) {
        escape(value);
        return this;
    }

    Xml element(String name, long value) {
        sb.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    Xml element(String name, boolean value) {
        return element(name, value ? "true" : "false");
    }

    Xml element(String name, Instant value) {
        return element(name, ISO.format(value));
    }

    byte[] toBytes() {
        while (!open.isEmpty()) {
            end();
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String isoTime(Instant t) {
        return ISO.format(t);
    }

    /**
     * Escapes markup characters, and characters XML 1.0 cannot carry literally as numeric references, as S3
     * does for keys with control characters (clients can ask for encoding-type=url to avoid them).
     */
    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\t', '\n' -> sb.append(c);
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
