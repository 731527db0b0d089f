package dev.s3aas.common.sigv4;

import java.util.List;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=...} header. Like S3, spaces after the commas are optional.
 */
record V4Authorization(CredentialScope credential, String signedHeadersLine,
        List<String> signedHeaders, String signature) {

    private static final String MALFORMED = "The authorization header is malformed; the"
            + " authorization component must have the form \"Credential=..., SignedHeaders=...,"
            + " Signature=...\"";

    static V4Authorization parse(String header) throws SigV4Exception {
        int at = Canonical.ALGORITHM.length();
        if (header.length() <= at || header.charAt(at) != ' ') {
            throw malformed(MALFORMED);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int start = at + 1;
        while (start <= header.length()) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? header.length() : comma;
            String part = header.substring(start, end).strip();
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? null : part.substring(eq + 1);
            switch (key) {
                case "Credential" -> credential = once(credential, value);
                case "SignedHeaders" -> signedHeaders = once(signedHeaders, value);
                case "Signature" -> signature = once(signature, value);
                default -> throw malformed(MALFORMED);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformed("The authorization header is malformed; the authorization header"
                    + " requires three components: Credential, SignedHeaders, and Signature.");
        }
        return new V4Authorization(credential(credential, AuthError.AuthorizationHeaderMalformed),
                signedHeaders, signedHeaderList(signedHeaders, AuthError.AuthorizationHeaderMalformed),
                signature);
    }

    static CredentialScope credential(String value, AuthError error) throws SigV4Exception {
        CredentialScope scope = CredentialScope.parse(value);
        if (scope == null) {
            throw new SigV4Exception(error, "The authorization header is malformed; the"
                    + " Credential is mal-formed; expecting"
                    + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        return scope;
    }

    static List<String> signedHeaderList(String line, AuthError error) throws SigV4Exception {
        List<String> names = Canonical.signedHeaders(line);
        if (names == null) {
            throw new SigV4Exception(error, "SignedHeaders must be a ';'-separated list of"
                    + " header names.");
        }
        return names;
    }

    private static String once(String previous, String value) throws SigV4Exception {
        if (previous != null || value == null) {
            throw malformed(MALFORMED);
        }
        return value;
    }

    private static SigV4Exception malformed(String message) {
        return new SigV4Exception(AuthError.AuthorizationHeaderMalformed, message);
    }
}
