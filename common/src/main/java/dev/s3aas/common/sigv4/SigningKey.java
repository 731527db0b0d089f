package dev.s3aas.common.sigv4;

import dev.s3aas.common.checksum.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A derived SigV4 signing key ("Create a signing key", AWS General Reference):
 * {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}.
 *
 * <p>Holds an HMAC-SHA256 already initialised with the key: each signature clones it, which
 * copies the inner/outer digest states (the key is hashed once, not per request) and avoids the
 * provider lookup of {@link Mac#getInstance}. The prototype is never updated after construction,
 * so concurrent clones are safe.
 */
final class SigningKey {
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final Mac prototype;

    private SigningKey(byte[] key) {
        this.prototype = newMac(key);
    }

    static SigningKey derive(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return new SigningKey(hmac(k, "aws4_request"));
    }

    byte[] sign(byte[] data) {
        Mac mac = copy();
        return mac.doFinal(data);
    }

    /** Lower-case hex HMAC of an ASCII/UTF-8 string (a string to sign). */
    String signHex(String data) {
        return Hex.encode(sign(data.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 is cloneable", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        return newMac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + HMAC_SHA256, e);
        }
    }

    /**
     * Derived keys per (secret, date, region, service): a key is valid for a day and deriving one
     * costs four HMACs. Bounded by clearing when full, which at worst re-derives live keys once.
     */
    static final class Cache {
        private record Id(String secret, String date, String region, String service) {
        }

        private final ConcurrentHashMap<Id, SigningKey> keys = new ConcurrentHashMap<>();
        private final int maxSize;

        Cache(int maxSize) {
            if (maxSize < 1) {
                throw new IllegalArgumentException("cache size must be positive");
            }
            this.maxSize = maxSize;
        }

        SigningKey get(String secret, String date, String region, String service) {
            Id id = new Id(Objects.requireNonNull(secret), date, region, service);
            SigningKey key = keys.get(id);
            if (key == null) {
                if (keys.size() >= maxSize) {
                    keys.clear();
                }
                key = derive(secret, date, region, service);
                keys.put(id, key);
            }
            return key;
        }
    }
}
