package dev.s3aas.controlplane.object;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download: always {@code attachment} (a browser saves the object, never
 * renders it in the console's origin), with the file name in RFC 6266's {@code filename*} form, UTF-8
 * percent-encoded as RFC 8187 says, so any key's name survives and none can inject a header parameter.
 */
final class ContentDisposition {
    private ContentDisposition() {}

    static String attachment(String fileName) {
        StringBuilder out = new StringBuilder("attachment; filename*=UTF-8''");
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~". */
    private static boolean isAttrChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
