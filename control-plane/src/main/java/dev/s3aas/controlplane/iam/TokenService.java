package dev.s3aas.controlplane.iam;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.db.Ids;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Access tokens: HS256 JWTs (RFC 7519) signed with a key derived from the master key, carrying the
 * user id ({@code sub}), a unique token id ({@code jti}) and the optional project scope ({@code project_id}). Roles are not in the
 * token; they are read per request so a revoked binding takes effect before the token expires.
 */
public final class TokenService {
    static final String ISSUER = "s3aas-control-plane";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Duration ttl;

    public TokenService(byte[] signingKey, Clock clock, Duration ttl) {
        try {
            this.signer = new MACSigner(signingKey);
            this.verifier = new MACVerifier(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT signing key rejected", e);
        }
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Claims an access token carries. {@code tokenId} is the JWT's {@code jti}: the audit trail records it to tell
     * a user's tokens apart, never the token itself.
     */
    public record Claims(String userId, String projectId, String tokenId) {}

    public String issue(String userId, String projectId) {
        long now = clock.millis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .jwtID(Ids.newId())
                .issueTime(new Date(now))
                .expirationTime(new Date(now + ttl.toMillis()))
                .claim("project_id", projectId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Verifies signature, algorithm, issuer and expiry; any failure is a 401. */
    public Claims verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new ApiError.Unauthenticated("invalid token");
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            if (exp == null || exp.getTime() <= clock.millis()) {
                throw new ApiError.Unauthenticated("token expired");
            }
            if (!ISSUER.equals(c.getIssuer()) || c.getSubject() == null) {
                throw new ApiError.Unauthenticated("invalid token");
            }
            return new Claims(c.getSubject(), c.getStringClaim("project_id"), c.getJWTID());
        } catch (ParseException | JOSEException e) {
            throw new ApiError.Unauthenticated("invalid token");
        }
    }
}
