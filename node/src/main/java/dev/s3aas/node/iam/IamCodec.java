package dev.s3aas.node.iam;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.common.policy.MalformedPolicyException;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.common.policy.PolicyValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The stored form of IAM records: small JSON documents with a format number {@code v}. Unknown fields are
 * ignored so a newer node's records stay readable. A user's secret key is stored sealed ({@link SecretSeal}) in
 * {@code ssk} since format 2; format 1 kept it in plain text in {@code sk}, is still read, and is re-written
 * sealed when the store opens ({@link IamStore#open}).
 */
final class IamCodec {
    static final int FORMAT = 2;
    /** The last format whose user records held the secret in plain text. */
    static final int PLAINTEXT_FORMAT = 1;
    /** Policy records did not change with format 2 of user records. */
    static final int POLICY_FORMAT = 1;
    static final String USER_PREFIX = "user/";
    static final String POLICY_PREFIX = "policy/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IamCodec() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredUser(@JsonProperty("v") int format, @JsonProperty("ak") String accessKey,
                      @JsonProperty("sk") String secretKey, @JsonProperty("ssk") String sealedSecret,
                      @JsonProperty("st") String status,
                      @JsonProperty("p") List<String> policies, @JsonProperty("c") long createdMillis,
                      @JsonProperty("u") long updatedMillis, @JsonProperty("sa") StoredServiceAccount sa) {}

    /** Present for service accounts only; {@code sp} is the session policy JSON, {@code x} the expiration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredServiceAccount(@JsonProperty("parent") String parent, @JsonProperty("sp") String sessionPolicy,
                                @JsonProperty("n") String name, @JsonProperty("d") String description,
                                @JsonProperty("x") Long expirationMillis) {}

    record StoredPolicy(@JsonProperty("v") int format, @JsonProperty("n") String name,
                        @JsonProperty("j") String json, @JsonProperty("c") long createdMillis,
                        @JsonProperty("u") long updatedMillis) {}

    static byte[] encode(IamUser u, SecretSeal seal) {
        ServiceAccount a = u.serviceAccount();
        StoredServiceAccount sa = a == null ? null : new StoredServiceAccount(a.parent(),
                a.sessionPolicy() == null ? null : a.sessionPolicy().json(), a.name(), a.description(),
                a.expiration() == null ? null : a.expiration().toEpochMilli());
        return write(new StoredUser(FORMAT, u.accessKey(), null, seal.seal(u.accessKey(), u.secretKey()),
                u.status().wire(), u.policies(),
                u.created().toEpochMilli(), u.updated().toEpochMilli(), sa));
    }

    /**
     * Decodes a user. A service account whose session policy no longer parses is kept but disabled: failing
     * closed, never granting more than before.
     */
    static IamUser decodeUser(byte[] bytes, SecretSeal seal) {
        StoredUser s = read(bytes, StoredUser.class);
        String secret = s.sealedSecret() != null ? seal.open(s.accessKey(), s.sealedSecret()) : s.secretKey();
        UserStatus status = UserStatus.fromWire(s.status());
        ServiceAccount sa = null;
        if (s.sa() != null) {
            PolicyDocument session = null;
            if (s.sa().sessionPolicy() != null) {
                try {
                    session = PolicyDocument.parse(s.sa().sessionPolicy(), PolicyValidation.forIdentity());
                } catch (MalformedPolicyException e) {
                    status = UserStatus.DISABLED;
                }
            }
            sa = new ServiceAccount(s.sa().parent(), session, s.sa().name(), s.sa().description(),
                    s.sa().expirationMillis() == null ? null : Instant.ofEpochMilli(s.sa().expirationMillis()));
        }
        return new IamUser(s.accessKey(), secret, status == null ? UserStatus.DISABLED : status,
                s.policies() == null ? List.of() : s.policies(), Instant.ofEpochMilli(s.createdMillis()),
                Instant.ofEpochMilli(s.updatedMillis()), sa);
    }

    /** True for a record that still holds its secret in plain text (format 1). */
    static boolean plaintext(byte[] userRecord) {
        return read(userRecord, StoredUser.class).sealedSecret() == null;
    }

    static byte[] encode(StoredPolicy p) {
        return write(p);
    }

    static StoredPolicy decodePolicy(byte[] bytes) {
        return read(bytes, StoredPolicy.class);
    }

    private static byte[] write(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt IAM record (" + type.getSimpleName() + ")", e);
        }
    }
}
