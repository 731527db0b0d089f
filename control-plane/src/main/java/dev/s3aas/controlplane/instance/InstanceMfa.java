package dev.s3aas.controlplane.instance;

import dev.s3aas.common.mfa.Base32;
import dev.s3aas.common.mfa.Totp;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * The virtual MFA device of each instance's root account, which MFA delete needs: the provisioner gives it to
 * the nodes, the reconciler computes codes with it, and owners and operators read it to delete versions. The
 * secret (20 random bytes, RFC 4226's recommended 160 bits) is stored base32 and sealed with the master key
 * like the root secret, in {@code instances.mfa_secret}; it is generated on first use, so rows created
 * before the column existed get one too.
 */
public final class InstanceMfa {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A device: serial (what clients put before the code in {@code x-amz-mfa}) and base32 secret. */
    public record Device(String serial, String secretBase32) {
        /** The {@code x-amz-mfa} header value at {@code now}: serial, a space, the current code. */
        public String header(Instant now) {
            return serial + " " + Totp.code(Base32.decode(secretBase32), now);
        }

        /** The Key URI authenticator apps import (Google Authenticator's {@code otpauth://totp/} format). */
        public String otpauthUri(String instanceName) {
            String label = enc("s3aas:" + instanceName + " root");
            return "otpauth://totp/" + label + "?secret=" + secretBase32 + "&issuer=s3aas&algorithm=SHA1&digits="
                    + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return "Device[" + serial + ", secret hidden]";
        }
    }

    private final Database db;
    private final InstanceRepository repo;
    private final SecretBox secrets;

    public InstanceMfa(Database db, InstanceRepository repo, SecretBox secrets) {
        this.db = db;
        this.repo = repo;
        this.secrets = secrets;
    }

    /** The serial of an instance's device: an ARN-shaped name, as AWS serials of virtual devices are. */
    static String serial(String instanceId) {
        return "arn:s3aas:iam::" + instanceId + ":mfa/root";
    }

    /** The instance's device, generated and stored first if it has none; empty when the instance is gone. */
    public Optional<Device> device(String instanceId) {
        Optional<String> sealed = db.read(h -> repo.mfaSecret(h, instanceId));
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        String s = sealed.get();
        if (s.isEmpty()) {
            byte[] secret = new byte[20];
            RANDOM.nextBytes(secret);
            String fresh = secrets.encrypt(Base32.encode(secret));
            // Only a row without one is set: of two concurrent first uses, the first write wins and both read it.
            s = db.write(h -> {
                repo.setMfaSecretIfAbsent(h, instanceId, fresh);
                return repo.mfaSecret(h, instanceId).orElse("");
            });
            if (s.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Device(serial(instanceId), secrets.decrypt(s)));
    }
}
