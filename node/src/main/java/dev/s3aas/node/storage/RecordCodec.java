package dev.s3aas.node.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes metadata records as CBOR through Jackson, except {@link ObjectRecord}, the hot one, which has its
 * own binary form ({@link ObjectRecordCodec}). CBOR is compact and self-describing: unknown fields are
 * skipped on read, so a record written by a newer node with extra fields is still readable here, and a
 * record format bump (field {@code f}) can be migrated lazily on read.
 */
final class RecordCodec {
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RecordCodec() {}

    static byte[] encode(Object record) {
        if (record instanceof ObjectRecord r) {
            return ObjectRecordCodec.encode(r);
        }
        try {
            return CBOR.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T decode(byte[] bytes, Class<T> type) {
        if (type == ObjectRecord.class && ObjectRecordCodec.isBinary(bytes)) {
            return type.cast(ObjectRecordCodec.decode(bytes));
        }
        try {
            return CBOR.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt " + type.getSimpleName() + " record", e);
        }
    }
}
