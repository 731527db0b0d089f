package dev.s3aas.node.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's built-in key ring for SSE-KMS: named keys, each a list of versions of 256-bit key material sealed
 * by the node's master key and kept in the metadata store ({@code kms/} namespace). An object written with
 * {@code aws:kms} gets a fresh data key, wrapped (AES-256-GCM) by the newest version of the named key; its key
 * slot is {@code k1:<key id>:<version>:<wrapped>}. Rotating a key adds a version for new objects; old versions
 * stay, so every object remains readable. Keys are never deleted through the API (that would destroy data).
 * Hand-written rather than a KMS client because the product here is a small envelope-encryption ring, not a
 * network service; MinIO's KES/KMS would be the external choice.
 */
public final class KmsKeyRing {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final String PREFIX = "k1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as the admin API lists it. */
    public record KmsKey(String id, Instant created, int versions) {}

    /** The persisted key: its id, creation time and sealed versions (oldest first). */
    record KeyRecord(@JsonProperty("i") String id, @JsonProperty("t") long createdMillis,
                     @JsonProperty("v") List<String> sealedVersions) {}

    /** Why a key-ring call failed. */
    public static final class KmsException extends Exception {
        public KmsException(String message) {
            super(message);
        }
    }

    private final MetadataTable table;
    private final SseMasterKey master;
    private final Clock clock;

    KmsKeyRing(MetadataTable table, SseMasterKey master, Clock clock) {
        this.table = table;
        this.master = master;
        this.clock = clock;
    }

    public synchronized KmsKey create(String id) throws KmsException, IOException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new KmsException("invalid key id '" + id + "': 1-64 characters of letters, digits, '_', '.', '-'");
        }
        if (table.get(id) != null) {
            throw new KmsException("key '" + id + "' already exists");
        }
        KeyRecord r = new KeyRecord(id, clock.millis(), List.of(master.newDataKey().sealed()));
        table.commit(new MetadataTable.Batch().put(id, RecordCodec.encode(r)));
        return info(r);
    }

    /** Adds a version to the key: new objects use it, older ones keep theirs. */
    public synchronized KmsKey rotate(String id) throws KmsException, IOException {
        KeyRecord r = find(id);
        List<String> versions = new ArrayList<>(r.sealedVersions());
        versions.add(master.newDataKey().sealed());
        KeyRecord next = new KeyRecord(r.id(), r.createdMillis(), versions);
        table.commit(new MetadataTable.Batch().put(id, RecordCodec.encode(next)));
        return info(next);
    }

    public List<KmsKey> list() {
        List<KmsKey> out = new ArrayList<>();
        for (byte[] v : table.scan("").values()) {
            out.add(info(RecordCodec.decode(v, KeyRecord.class)));
        }
        return out;
    }

    public boolean exists(String id) {
        return id != null && table.get(id) != null;
    }

    private KeyRecord find(String id) throws KmsException {
        byte[] v = id == null ? null : table.get(id);
        if (v == null) {
            throw new KmsException("key '" + id + "' does not exist");
        }
        return RecordCodec.decode(v, KeyRecord.class);
    }

    private static KmsKey info(KeyRecord r) {
        return new KmsKey(r.id(), Instant.ofEpochMilli(r.createdMillis()), r.sealedVersions().size());
    }

    static boolean isKmsSlot(String slot) {
        return slot != null && slot.startsWith(PREFIX);
    }

    /** The key id of a KMS key slot. */
    static String keyIdOf(String slot) {
        return slot.substring(PREFIX.length(), slot.indexOf(':', PREFIX.length()));
    }

    /** A fresh data key wrapped by the newest version of key {@code id} (unknown key: KMS_KEY_NOT_FOUND). */
    CustomerKeys.WriteKey newDataKey(String id) throws StorageException, IOException {
        KeyRecord r;
        try {
            r = find(id);
        } catch (KmsException e) {
            throw new StorageException(StorageError.KMS_KEY_NOT_FOUND, "Invalid keyId " + id);
        }
        int version = r.sealedVersions().size() - 1;
        byte[] material = master.unseal(r.sealedVersions().get(version));
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, material, nonce, aad(id, version), dataKey, 0, dataKey.length);
        byte[] out = Arrays.copyOf(nonce, 12 + wrapped.length);
        System.arraycopy(wrapped, 0, out, 12, wrapped.length);
        return new CustomerKeys.WriteKey(dataKey, PREFIX + id + ":" + version + ":"
                + Base64.getEncoder().encodeToString(out));
    }

    /** The data key of a KMS key slot. */
    byte[] unwrap(String slot) throws StorageException, IOException {
        String[] parts = slot.substring(PREFIX.length()).split(":", 3);
        KeyRecord r;
        try {
            r = find(parts[0]);
        } catch (KmsException e) {
            throw new StorageException(StorageError.KMS_KEY_NOT_FOUND, "The object's KMS key " + parts[0]
                    + " no longer exists on this node.");
        }
        int version = Integer.parseInt(parts[1]);
        byte[] material = master.unseal(r.sealedVersions().get(version));
        byte[] in = Base64.getDecoder().decode(parts[2]);
        return crypt(Cipher.DECRYPT_MODE, material, Arrays.copyOf(in, 12), aad(parts[0], version), in, 12,
                in.length - 12);
    }

    private static byte[] aad(String id, int version) {
        return ("s3aas-kms-data-key-v1:" + id + ":" + version).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] in, int off, int len)
            throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(in, off, len);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot unwrap an object's data key: corrupt metadata or wrong master key", e);
        }
    }
}
