package dev.s3aas.cli.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@code s3aas login} keeps: the endpoint it logged in to and the token pair the API issued. Never the
 * password. The refresh token is single use (the API rotates it), so a refreshed session must be saved at once.
 */
record Session(String endpoint, String username, String projectId, String accessToken, String refreshToken,
        Instant expiresAt) {
    /** Refresh this long before the access token's expiry, so a request never races the expiry on the way. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    Session {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    boolean expired(Clock clock) {
        return !clock.instant().plus(EXPIRY_MARGIN).isBefore(expiresAt);
    }

    Session withTokens(String access, String refresh, Instant expires) {
        return new Session(endpoint, username, projectId, access, refresh, expires);
    }

    /** Tokens stay out of logs and stack traces. */
    @Override
    public String toString() {
        return "Session[" + endpoint + ", user " + username + ", expires " + expiresAt + "]";
    }
}
