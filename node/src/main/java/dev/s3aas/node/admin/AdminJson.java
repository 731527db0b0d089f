package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON for admin bodies: unknown fields ignored (clients send more than we read), nulls omitted. */
final class AdminJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private AdminJson() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] body, Class<T> type) throws AdminException {
        try {
            T v = MAPPER.readValue(body, type);
            if (v == null) {
                throw new AdminException(AdminError.XMinioAdminConfigBadJSON, "The request body is empty.");
            }
            return v;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new AdminException(AdminError.XMinioAdminConfigBadJSON,
                    "The request body is not the expected JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AdminException(AdminError.XMinioAdminConfigBadJSON, "The request body could not be read.");
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
