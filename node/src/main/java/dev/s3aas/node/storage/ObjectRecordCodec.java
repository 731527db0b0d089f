package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary format of {@link ObjectRecord}, the record read on every GET, HEAD and listing entry. Hand-written
 * because the generic CBOR mapping cost 12–18% of a small GET's CPU in the benchmark profile
 * (docs/benchmarks.md); this one is a few field reads.
 *
 * <p>Layout, format 2: {@code 0x02}, flags (varint), version id, size, ETag, last-modified (8 bytes), the
 * metadata (a presence byte for its 7 optional strings, then them, user map, tag map, lock if flagged), the
 * checksum if flagged, the extents (blob id, length, flags, then ETag, checksum, salt, checksum block shift and
 * value CRC32C each if flagged — the last two added later under new flag bits, so older extents simply lack
 * them), the part count, the sealed key if flagged, the ACL grants if flagged (count,
 * then grantee type, grantee, permission each; codes fixed here). Readers ignore trailing bytes,
 * so a later format can append fields. A first byte that is not 0x02 is the earlier CBOR form (a CBOR map
 * starts with 0xA0–0xBF), still readable.
 */
final class ObjectRecordCodec {
    static final int FORMAT = 2;
    private static final int DELETE_MARKER = 1;
    private static final int HAS_CHECKSUM = 2;
    private static final int HAS_SEALED_KEY = 4;
    private static final int HAS_LOCK = 8;
    private static final int COMPOSITE = 16;
    private static final int HAS_ACL = 32;
    private static final int E_INLINE = 1;
    private static final int E_ETAG = 2;
    private static final int E_CHECKSUM = 4;
    private static final int E_SALT = 8;
    private static final int E_BLOCK_CRC = 16;
    private static final int E_VALUE_CRC = 32;

    private ObjectRecordCodec() {}

    static byte[] encode(ObjectRecord r) {
        ObjectMetadata m = r.metadata();
        int flags = (r.deleteMarker() ? DELETE_MARKER : 0) | (r.checksum() != null ? HAS_CHECKSUM : 0)
                | (r.sealedKey() != null ? HAS_SEALED_KEY : 0) | (m.lock() != null ? HAS_LOCK : 0)
                | (r.checksum() != null && r.checksum().composite() ? COMPOSITE : 0) | (m.acl() != null ? HAS_ACL : 0);
        BinaryRecords.Writer w = new BinaryRecords.Writer().u8(FORMAT).varLong(flags)
                .string(r.versionId()).varLong(r.size()).string(r.etag()).i64(r.lastModifiedMillis());
        String[] strings = strings(m);
        int present = 0;
        for (int i = 0; i < strings.length; i++) {
            present |= strings[i] != null ? 1 << i : 0;
        }
        w.u8(present);
        for (String s : strings) {
            if (s != null) {
                w.string(s);
            }
        }
        w.map(m.user()).map(m.tags());
        if (m.lock() != null) {
            w.string(m.lock().mode() == null ? "" : m.lock().mode()).i64(m.lock().retainUntilMillis())
                    .u8(m.lock().legalHold() ? 1 : 0);
        }
        if (r.checksum() != null) {
            w.u8(checksumCode(r.checksum().algorithm())).string(r.checksum().value());
        }
        w.varLong(r.extents().size());
        for (Extent e : r.extents()) {
            extent(w, e);
        }
        w.varLong(r.partsCount());
        if (r.sealedKey() != null) {
            w.string(r.sealedKey());
        }
        if (m.acl() != null) {
            w.varLong(m.acl().grants().size());
            for (AclGrant g : m.acl().grants()) {
                w.u8(g.type().ordinal()).string(g.grantee()).u8(g.permission().ordinal());
            }
        }
        return w.toBytes();
    }

    private static String[] strings(ObjectMetadata m) {
        return new String[] {m.contentType(), m.contentEncoding(), m.contentDisposition(), m.contentLanguage(),
            m.cacheControl(), m.expires(), m.storageClass()};
    }

    private static void extent(BinaryRecords.Writer w, Extent e) {
        int f = (e.inline() ? E_INLINE : 0) | (e.etag() != null ? E_ETAG : 0) | (e.checksum() != null ? E_CHECKSUM : 0)
                | (e.salt() != null ? E_SALT : 0) | (e.blockCrcShift() != 0 ? E_BLOCK_CRC : 0)
                | (e.valueCrc() != null ? E_VALUE_CRC : 0);
        w.bytes(BlobIds.bytes(e.blobId())).varLong(e.length()).u8(f);
        if (e.etag() != null) {
            w.string(e.etag());
        }
        if (e.checksum() != null) {
            w.string(e.checksum());
        }
        if (e.salt() != null) {
            w.string(e.salt());
        }
        if (e.blockCrcShift() != 0) {
            w.u8(e.blockCrcShift());
        }
        if (e.valueCrc() != null) {
            w.varLong(e.valueCrc() & 0xFFFFFFFFL);
        }
    }

    static boolean isBinary(byte[] b) {
        return b.length > 0 && b[0] == FORMAT;
    }

    static ObjectRecord decode(byte[] b) {
        BinaryRecords.Reader r = new BinaryRecords.Reader(b, 1);
        int flags = (int) r.varLong();
        String versionId = r.string();
        long size = r.varLong();
        String etag = r.string();
        long mtime = r.i64();
        int present = r.u8();
        String[] s = new String[7];
        for (int i = 0; i < s.length; i++) {
            s[i] = (present & (1 << i)) != 0 ? r.string() : null;
        }
        var user = r.map();
        var tags = r.map();
        ObjectLock lock = null;
        if ((flags & HAS_LOCK) != 0) {
            String mode = r.string();
            lock = new ObjectLock(mode.isEmpty() ? null : mode, r.i64(), r.u8() == 1);
        }
        ObjectMetadata m = new ObjectMetadata(s[0], s[1], s[2], s[3], s[4], s[5], s[6], user, tags, lock, null);
        Checksum checksum = null;
        if ((flags & HAS_CHECKSUM) != 0) {
            ChecksumAlgorithm a = checksumAlgorithm(r.u8());
            checksum = new Checksum(a, r.string(), (flags & COMPOSITE) != 0);
        }
        int n = r.varInt();
        List<Extent> extents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String blobId = BlobIds.fromBytes(r.bytes(16));
            long length = r.varLong();
            int f = r.u8();
            String pe = (f & E_ETAG) != 0 ? r.string() : null;
            String pc = (f & E_CHECKSUM) != 0 ? r.string() : null;
            String salt = (f & E_SALT) != 0 ? r.string() : null;
            int shift = (f & E_BLOCK_CRC) != 0 ? r.u8() : 0;
            Integer crc = (f & E_VALUE_CRC) != 0 ? (int) r.varLong() : null;
            extents.add(new Extent(blobId, length, (f & E_INLINE) != 0, pe, pc, salt, shift, crc));
        }
        int parts = r.varInt();
        String sealed = (flags & HAS_SEALED_KEY) != 0 ? r.string() : null;
        if ((flags & HAS_ACL) != 0) {
            int grants = r.varInt();
            List<AclGrant> list = new ArrayList<>(grants);
            for (int i = 0; i < grants; i++) {
                list.add(new AclGrant(AclGrant.GranteeType.values()[r.u8()], r.string(),
                        AclPermission.values()[r.u8()]));
            }
            m = m.withAcl(new AccessControlList(list));
        }
        return new ObjectRecord(ObjectRecord.FORMAT, versionId, (flags & DELETE_MARKER) != 0, size, etag, mtime, m,
                checksum, extents, parts, sealed);
    }

    /**
     * Stored codes of checksum algorithms, fixed here rather than taken from the enum's order, so that adding
     * or reordering algorithms in {@code common} can never re-label checksums already on disk.
     */
    private static int checksumCode(ChecksumAlgorithm a) {
        return switch (a) {
            case CRC32 -> 0;
            case CRC32C -> 1;
            case SHA1 -> 2;
            case SHA256 -> 3;
            case CRC64NVME -> 4;
        };
    }

    private static ChecksumAlgorithm checksumAlgorithm(int code) {
        return switch (code) {
            case 0 -> ChecksumAlgorithm.CRC32;
            case 1 -> ChecksumAlgorithm.CRC32C;
            case 2 -> ChecksumAlgorithm.SHA1;
            case 3 -> ChecksumAlgorithm.SHA256;
            case 4 -> ChecksumAlgorithm.CRC64NVME;
            default -> throw new IllegalArgumentException("unknown stored checksum algorithm " + code);
        };
    }
}
