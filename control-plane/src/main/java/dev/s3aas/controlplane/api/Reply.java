package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * One serialised answer as {@link ApiHandler} writes it: status, extra headers, and JSON bytes, a stream
 * ({@link StreamedBody}, for an object's content) or neither.
 */
record Reply(int status, Map<String, String> headers, byte[] body, StreamedBody stream) {
    Reply {
        headers = Map.copyOf(headers);
    }

    Reply(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    static Reply of(ApiResponse response, ObjectMapper json) throws JsonProcessingException {
        if (response.body() instanceof StreamedBody stream) {
            return new Reply(response.status(), response.headers(), null, stream);
        }
        byte[] bytes = response.body() == null ? null : json.writeValueAsBytes(response.body());
        return new Reply(response.status(), response.headers(), bytes);
    }
}
