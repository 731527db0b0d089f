package dev.s3aas.controlplane.object;

import dev.s3aas.controlplane.api.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code page_token} of a versions listing: ListObjectVersions resumes from a key marker and a version-id
 * marker, carried as one opaque token (base64url of {@code key NUL versionId}; a key never holds NUL).
 */
record VersionsToken(String keyMarker, String versionIdMarker) {
    String encode() {
        String raw = keyMarker + '\0' + (versionIdMarker == null ? "" : versionIdMarker);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's markers, or null for no token; a token this API did not make is a 400 naming page_token. */
    static VersionsToken decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("page_token", "page_token is not a token of this listing");
        }
        int nul = raw.indexOf('\0');
        if (nul <= 0) {
            throw ApiError.invalid("page_token", "page_token is not a token of this listing");
        }
        String version = raw.substring(nul + 1);
        return new VersionsToken(raw.substring(0, nul), version.isEmpty() ? null : version);
    }
}
