package dev.s3aas.common.metrics;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * The bearer token a Prometheus server presents to scrape a node's metrics, in MinIO's format (what
 * {@code mc admin prometheus generate} prints): an HS512 JWT with {@code iss = "prometheus"}, {@code sub} = the
 * access key and an expiry, signed with that key's secret. Being MinIO's format, the tokens MinIO tooling makes for
 * a node work here, and the control plane mints the same for the nodes it runs.
 */
public final class PrometheusToken {
    static final String ISSUER = "prometheus";

    private PrometheusToken() {}

    /** A token for {@code accessKey} signed with {@code secretKey}, valid until {@code expires}. */
    public static String mint(String accessKey, String secretKey, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(accessKey)
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        try {
            jwt.sign(new MACSigner(key(secretKey)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign a metrics token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * True when {@code token} is an unexpired HS512 token from issuer "prometheus" for {@code accessKey}, signed
     * with {@code secretKey}. Never throws for a malformed token: it is just not valid.
     */
    public static boolean verify(String token, String accessKey, String secretKey, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS512.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(key(secretKey)))) {
                return false;
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            return ISSUER.equals(c.getIssuer()) && exp != null && exp.toInstant().isAfter(now)
                    && c.getSubject() != null && MessageDigest.isEqual(
                            c.getSubject().getBytes(StandardCharsets.UTF_8), accessKey.getBytes(StandardCharsets.UTF_8));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The HMAC key: the secret's bytes. HS512 wants at least 512 bits, and nimbus refuses shorter keys, so a shorter
     * secret (S3 secret keys are often 40 characters) is zero-padded to 64 bytes — HMAC does exactly this padding
     * itself for keys shorter than its block (RFC 2104, section 2), so the MAC equals MinIO's over the raw secret.
     */
    private static byte[] key(String secretKey) {
        byte[] raw = secretKey.getBytes(StandardCharsets.UTF_8);
        return raw.length >= 64 ? raw : java.util.Arrays.copyOf(raw, 64);
    }
}
