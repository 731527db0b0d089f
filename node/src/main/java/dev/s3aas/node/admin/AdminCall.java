package dev.s3aas.node.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One authenticated admin request: its flavor, command, decoded query parameters and body. The caller's
 * secret is kept only to decrypt the body and encrypt the answer.
 */
final class AdminCall {
    private final AdminFlavor flavor;
    private final Map<String, String> query;
    private final byte[] body;
    private final String callerSecret;
    private final String host;

    AdminCall(AdminFlavor flavor, String rawQuery, byte[] body, String callerSecret, String host) {
        this.flavor = flavor;
        this.host = host == null ? "" : host;
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.callerSecret = callerSecret;
    }

    /** The Host the client addressed (what the node is called from where the client stands). */
    String host() {
        return host;
    }

    AdminFlavor flavor() {
        return flavor;
    }

    /** A query parameter that must be present and non-empty. */
    String param(String name) throws AdminException {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            throw new AdminException(AdminError.XMinioAdminInvalidArgument, "Missing query parameter '" + name + "'.");
        }
        return v;
    }

    /** A query parameter, or null. */
    String optional(String name) {
        return query.get(name);
    }

    byte[] rawBody() {
        return body;
    }

    /**
     * The body in plain text. MinIO's clients encrypt bodies carrying secrets and RustFS tooling sends them in
     * plain JSON; either is accepted on either path: a body that is a JSON object is taken as is (encrypted
     * bytes start with a random salt and are not valid JSON in practice), anything else is decrypted.
     */
    byte[] payload() throws AdminException {
        if (looksLikeJson(body)) {
            return body;
        }
        try {
            return MadminCrypto.decrypt(body, callerSecret);
        } catch (MadminCrypto.CryptoException e) {
            throw new AdminException(AdminError.XMinioAdminConfigBadJSON,
                    "The encrypted request body could not be decrypted: " + e.getMessage());
        }
    }

    /** The (possibly decrypted) body as JSON of {@code type}. */
    <T> T json(Class<T> type) throws AdminException {
        return AdminJson.read(payload(), type);
    }

    private static boolean looksLikeJson(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        if (i == b.length || b[i] != '{') {
            return false;
        }
        try {
            AdminJson.MAPPER.readTree(b);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }
}
