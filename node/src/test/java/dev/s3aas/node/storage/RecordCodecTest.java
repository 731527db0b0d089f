package dev.s3aas.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every persisted record survives encode → decode with every field set (catches clashing short names). */
class RecordCodecTest {
    static final ObjectMetadata META = new ObjectMetadata("text/plain", "gzip", "inline", "en", "no-cache",
            "Wed, 21 Oct 2015 07:28:00 GMT", "STANDARD_IA", Map.of("a", "1"), Map.of("t", "v"),
            new ObjectLock("GOVERNANCE", 123L, true), new AccessControlList(java.util.List.of(
                    new AclGrant(AclGrant.GranteeType.GROUP, AclGrant.ALL_USERS, AclPermission.READ),
                    new AclGrant(AclGrant.GranteeType.CANONICAL_USER, "owner", AclPermission.WRITE_ACP))));

    @Test
    void objectRecord() {
        ObjectRecord r = new ObjectRecord(ObjectRecord.FORMAT, "0000019aa1b2c3d4e5f60718293a4b5c", false, 42, "etag-1", 7L, META,
                new Checksum(ChecksumAlgorithm.CRC32C, "AAAAAA==", true),
                List.of(new Extent(BlobIds.newId(), 42, false, "pe", "pc", "c2FsdA==", 16, null),
                        new Extent(BlobIds.newId(), 7, true, null, null, null, 0, 0xCAFEBABE)), 1, "sealed");
        assertThat(RecordCodec.decode(RecordCodec.encode(r), ObjectRecord.class)).isEqualTo(r);
    }

    /**
     * Extents written before integrity checksums (no block-CRC or value-CRC flag) are byte-for-byte what the codec
     * still writes for an extent without them, and decode as unverified: shift 0, no value CRC.
     */
    @Test
    void extentsWithoutIntegrityChecksumsDecodeAsUnverified() {
        String id = BlobIds.newId();
        ObjectRecord r = new ObjectRecord(ObjectRecord.FORMAT, "null", false, 5, "e", 1L, ObjectMetadata.EMPTY, null,
                List.of(new Extent(id, 5, false)), 0, null);
        byte[] b = RecordCodec.encode(r);
        // format, flags, version id, size, etag, mtime, presence, 2 empty maps, extent count, id, length, extent flags
        int flagsAt = 1 + 1 + 5 + 1 + 2 + 8 + 1 + 2 + 1 + 16 + 1;
        assertThat(b[flagsAt]).isEqualTo((byte) 0);
        Extent decoded = RecordCodec.decode(b, ObjectRecord.class).extents().get(0);
        assertThat(decoded.blockCrcShift()).isZero();
        assertThat(decoded.valueCrc()).isNull();
    }

    @Test
    void objectRecordsWithoutOptionalFieldsAndFromTheEarlierCborForm() {
        ObjectRecord bare = new ObjectRecord(ObjectRecord.FORMAT, "null", false, 0, "d41d8cd98f00b204e9800998ecf8427e",
                1L, ObjectMetadata.EMPTY, null, List.of(new Extent(BlobIds.newId(), 0, true)), 0, null);
        assertThat(RecordCodec.decode(RecordCodec.encode(bare), ObjectRecord.class)).isEqualTo(bare);
        assertThat(RecordCodec.decode(RecordCodec.encode(ObjectRecord.deleteMarker("null", 1L)), ObjectRecord.class)
                .deleteMarker()).isTrue();
    }

    @Test
    void recordsWrittenInTheEarlierCborFormStillDecode() throws Exception {
        ObjectRecord r = new ObjectRecord(1, "null", false, 3, "e", 1L, META, null,
                List.of(new Extent(BlobIds.newId(), 3, true)), 0, null);
        byte[] cbor = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.cbor.CBORFactory())
                .writeValueAsBytes(r);
        assertThat(cbor[0]).isNotEqualTo((byte) ObjectRecordCodec.FORMAT);
        assertThat(RecordCodec.decode(cbor, ObjectRecord.class)).isEqualTo(r);
    }

    @Test
    void bucketRecord() {
        BucketConfig c = new BucketConfig("Enabled", true, "{}", 9, new DefaultRetention("COMPLIANCE", 0, 2),
                Map.of("k", "v"), "AES256", "Enabled",
                new CorsConfiguration(java.util.List.of(new CorsRule("r", java.util.List.of(CorsMethod.GET),
                        java.util.List.of("*"), java.util.List.of(), java.util.List.of("ETag"), 5))),
                new WebsiteConfiguration("index.html", "404.html", null, null),
                new AccessControlList(java.util.List.of(new AclGrant(AclGrant.GranteeType.GROUP,
                        AclGrant.AUTHENTICATED_USERS, AclPermission.READ))), ObjectOwnership.OBJECT_WRITER,
                new PublicAccessBlock(true, false, true, false), LIFECYCLE, "key-1");
        BucketRecord b = new BucketRecord(BucketRecord.FORMAT, 3, "bucket", 5L, "eu-west-1", c);
        assertThat(RecordCodec.decode(RecordCodec.encode(b), BucketRecord.class)).isEqualTo(b);
    }

    /** Every kind of rule and filter, so each lifecycle field has to survive the codec. */
    static final LifecycleConfiguration LIFECYCLE = new LifecycleConfiguration(List.of(
            new LifecycleConfiguration.Rule("days", LifecycleConfiguration.Status.ENABLED,
                    new LifecycleFilter("logs/", Map.of("a", "1", "b", ""), 10L, 1000L, true), false,
                    LifecycleConfiguration.Expiration.ofDays(3),
                    new LifecycleConfiguration.NoncurrentExpiration(7, 2), 1),
            new LifecycleConfiguration.Rule("date", LifecycleConfiguration.Status.DISABLED, LifecycleFilter.ALL, true,
                    LifecycleConfiguration.Expiration.onDate(java.time.Instant.parse("2030-01-01T00:00:00Z")), null, null),
            new LifecycleConfiguration.Rule("markers", LifecycleConfiguration.Status.ENABLED,
                    new LifecycleFilter("tmp/", null, null, null, false), false,
                    LifecycleConfiguration.Expiration.expiredObjectDeleteMarker(true),
                    new LifecycleConfiguration.NoncurrentExpiration(1, null), null)));

    /** A bucket record stored before lifecycle existed decodes with no lifecycle; one with rules keeps them. */
    @Test
    void bucketConfigWithAndWithoutLifecycle() {
        byte[] old = RecordCodec.encode(Map.of("f", 1, "id", 4, "n", "b", "t", 1,
                "c", Map.of("versioning", "Enabled", "objectLockEnabled", false, "quotaBytes", 0)));
        assertThat(RecordCodec.decode(old, BucketRecord.class).config().lifecycle()).isNull();
        BucketConfig c = BucketConfig.DEFAULT.withLifecycle(LIFECYCLE).withTags(Map.of("x", "y"));
        assertThat(RecordCodec.decode(RecordCodec.encode(c), BucketConfig.class).lifecycle()).isEqualTo(LIFECYCLE);
    }

    /** A bucket record stored before MFA delete existed (no mfaDelete field) decodes with MFA delete unset. */
    @Test
    void bucketConfigWithoutMfaDeleteDecodes() {
        byte[] old = RecordCodec.encode(Map.of("f", 1, "id", 4, "n", "b", "t", 1,
                "c", Map.of("versioning", "Enabled", "objectLockEnabled", false, "quotaBytes", 0, "encryption", "AES256")));
        BucketConfig c = RecordCodec.decode(old, BucketRecord.class).config();
        assertThat(c.versioning()).isEqualTo("Enabled");
        assertThat(c.encryption()).isEqualTo("AES256");
        assertThat(c.mfaDelete()).isNull();
        assertThat(c.mfaDeleteEnabled()).isFalse();
    }

    @Test
    void uploadAndPartRecords() {
        UploadRecord u = new UploadRecord(UploadRecord.FORMAT, UploadIds.newId(1L), "key", 1L, META,
                ChecksumAlgorithm.SHA256, true, "sealed");
        assertThat(RecordCodec.decode(RecordCodec.encode(u), UploadRecord.class)).isEqualTo(u);
        PartRecord p = new PartRecord(PartRecord.FORMAT, 3, 10, "etag", 2L, BlobIds.newId(), "sum", "salt", 16);
        assertThat(RecordCodec.decode(RecordCodec.encode(p), PartRecord.class)).isEqualTo(p);
        byte[] old = RecordCodec.encode(Map.of("f", 1, "n", 3, "s", 10, "e", "etag", "t", 2, "b", p.blobId()));
        assertThat(RecordCodec.decode(old, PartRecord.class).blockCrcShift()).isZero();
    }

    @Test
    void unknownFieldsFromNewerFormatsAreIgnored() {
        byte[] encoded = RecordCodec.encode(Map.of("f", 1, "id", 4, "n", "b", "t", 1, "future", "x"));
        assertThat(RecordCodec.decode(encoded, BucketRecord.class).name()).isEqualTo("b");
    }
}
