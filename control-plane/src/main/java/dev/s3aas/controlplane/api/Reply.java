package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** One serialised answer as {@link ApiHandler} writes it: status, extra headers, JSON bytes or null. */
record Reply(int status, Map<String, String> headers, byte[] body) {
    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply of(ApiResponse response, ObjectMapper json) throws JsonProcessingException {
        byte[] bytes = response.body() == null ? null : json.writeValueAsBytes(response.body());
        return new Reply(response.status(), response.headers(), bytes);
    }
}
