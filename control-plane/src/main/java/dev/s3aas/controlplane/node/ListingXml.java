package dev.s3aas.controlplane.node;

import dev.s3aas.controlplane.node.ObjectClient.ObjectEntry;
import dev.s3aas.controlplane.node.ObjectClient.ObjectListing;
import dev.s3aas.controlplane.node.ObjectClient.VersionEntry;
import dev.s3aas.controlplane.node.ObjectClient.VersionListing;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the S3 XML answers {@link S3ObjectClient} gets, with the JDK's StAX parser (no DTDs, no external
 * entities): ListBucketResult (ListObjectsV2), ListVersionsResult and the Error document. The listings are
 * requested with {@code encoding-type=url}, so keys and prefixes arrive percent-encoded (a key may hold
 * characters XML 1.0 cannot carry) and are decoded here; continuation tokens and version ids never are.
 */
final class ListingXml {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private ListingXml() {}

    /** The S3 {@code Error} document's code and message. */
    record S3Error(String code, String message) {}

    static ObjectListing objects(InputStream in) throws XMLStreamException {
        List<ObjectEntry> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String next = null;
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT || r.getLocalName().equals("ListBucketResult")) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Contents" -> {
                        Map<String, String> c = children(r);
                        objects.add(new ObjectEntry(decode(c.get("Key")), parseLong(c.get("Size")),
                                unquote(c.get("ETag")), instant(c.get("LastModified")), c.get("StorageClass")));
                    }
                    case "CommonPrefixes" -> prefixes.add(decode(children(r).get("Prefix")));
                    case "IsTruncated" -> truncated = Boolean.parseBoolean(r.getElementText().strip());
                    case "NextContinuationToken" -> next = r.getElementText();
                    default -> skip(r);
                }
            }
        } finally {
            r.close();
        }
        return new ObjectListing(objects, prefixes, truncated ? next : null);
    }

    static VersionListing versions(InputStream in) throws XMLStreamException {
        List<VersionEntry> versions = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String nextKey = null;
        String nextVersion = null;
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT || r.getLocalName().equals("ListVersionsResult")) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Version", "DeleteMarker" -> {
                        boolean marker = r.getLocalName().equals("DeleteMarker");
                        Map<String, String> v = children(r);
                        versions.add(new VersionEntry(decode(v.get("Key")), v.get("VersionId"),
                                Boolean.parseBoolean(v.get("IsLatest")), marker,
                                marker ? null : parseLong(v.get("Size")), marker ? null : unquote(v.get("ETag")),
                                instant(v.get("LastModified"))));
                    }
                    case "CommonPrefixes" -> prefixes.add(decode(children(r).get("Prefix")));
                    case "IsTruncated" -> truncated = Boolean.parseBoolean(r.getElementText().strip());
                    case "NextKeyMarker" -> nextKey = decode(r.getElementText());
                    case "NextVersionIdMarker" -> nextVersion = r.getElementText();
                    default -> skip(r);
                }
            }
        } finally {
            r.close();
        }
        return new VersionListing(versions, prefixes, truncated ? nextKey : null, truncated ? nextVersion : null);
    }

    /** The code and message of an S3 error body, or null when it is not one (empty, HTML from a proxy…). */
    static S3Error error(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Error")) {
                        Map<String, String> e = children(r);
                        return e.get("Code") == null ? null : new S3Error(e.get("Code"), e.getOrDefault("Message", ""));
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }

    /**
     * The text of each child element of the current element, which is consumed to its end tag; children that
     * hold elements themselves ({@code Owner}, {@code RestoreStatus}…) are skipped.
     */
    private static Map<String, String> children(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return out;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            StringBuilder text = new StringBuilder();
            boolean nested = false;
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    nested = true;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (depth == 1 && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                        || e == XMLStreamConstants.SPACE)) {
                    text.append(r.getText());
                }
            }
            if (!nested) {
                out.put(name, text.toString());
            }
        }
        return out;
    }

    /** Skips the current element and everything in it. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String s = etag.strip();
        if (s.startsWith("W/")) {
            s = s.substring(2);
        }
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
