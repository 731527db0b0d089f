package dev.s3aas.bench;

/**
 * Reads the text of a simple element from the small XML documents S3 answers with (error documents,
 * InitiateMultipartUploadResult). A full parser is not needed: these elements hold plain text.
 */
final class XmlText {
    private XmlText() {}

    /** The unescaped text of the first {@code <name>...</name>}, or null. */
    static String element(String xml, String name) {
        int open = xml.indexOf("<" + name + ">");
        if (open < 0) {
            return null;
        }
        int start = open + name.length() + 2;
        int close = xml.indexOf("</" + name + ">", start);
        if (close < 0) {
            return null;
        }
        return unescape(xml.substring(start, close));
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#34;", "\"").replace("&amp;", "&");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
