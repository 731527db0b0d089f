package dev.s3aas.node.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses request documents (CreateBucketConfiguration, Delete, CompleteMultipartUpload…) into a small tree.
 *
 * <p>Safety: DTDs are refused outright (a DOCTYPE is a MalformedXML error, so no entity expansion, no
 * external entities, no XXE), the body is size-bounded before parsing, and depth is bounded. Anything but
 * white space, comments and processing instructions after the root element is MalformedXML too, so a second
 * document appended to the first is never silently dropped.
 * Namespaces are ignored: S3 accepts documents with or without the S3 namespace.
 */
final class XmlBody {
    private static final XMLInputFactory FACTORY = newFactory();
    private static final int MAX_DEPTH = 16;

    /** An element: local name, its trimmed text, its child elements in order. */
    record Node(String name, String text, List<Node> children) {
        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        String childText(String childName) {
            Node c = child(childName);
            return c == null ? null : c.text;
        }

        List<Node> all(String childName) {
            List<Node> out = new ArrayList<>();
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    private XmlBody() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** Reads at most {@code maxBytes} of body and parses it; empty → MissingRequestBodyError. */
    static Node parse(InputStream body, int maxBytes) throws S3Exception, IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new S3Exception(S3ErrorCode.MaxMessageLengthExceeded);
        }
        if (bytes.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingRequestBodyError);
        }
        return parse(bytes);
    }

    static Node parse(byte[] bytes) throws S3Exception {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw malformed();
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    Node root = element(r, 1);
                    rejectTrailing(r);
                    return root;
                }
            }
            throw malformed();
        } catch (XMLStreamException | RuntimeException e) {
            throw malformed();
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** After the root element only comments, processing instructions and white space may follow. */
    private static void rejectTrailing(XMLStreamReader r) throws XMLStreamException, S3Exception {
        while (r.hasNext()) {
            int ev = r.next();
            boolean harmless = ev == XMLStreamConstants.COMMENT || ev == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || ev == XMLStreamConstants.SPACE || ev == XMLStreamConstants.END_DOCUMENT
                    || (ev == XMLStreamConstants.CHARACTERS && r.isWhiteSpace());
            if (!harmless) {
                throw malformed();
            }
        }
    }

    private static Node element(XMLStreamReader r, int depth) throws XMLStreamException, S3Exception {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        String name = r.getLocalName();
        StringBuilder text = new StringBuilder();
        List<Node> children = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(r, depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Node(name, text.toString().trim(), children);
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw malformed();
                default -> { }
            }
        }
        throw malformed();
    }

    private static S3Exception malformed() {
        return new S3Exception(S3ErrorCode.MalformedXML);
    }
}
