package dev.s3aas.controlplane.version;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import java.util.Map;
import java.util.regex.Pattern;

/** A data-plane build instances can run, e.g. {@code 0.0.1}. Versions are global, not per project. */
public record Version(String uuid, String name, String description, String status, long createdAt, long updatedAt) {
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    public Version {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiError.invalid("name", "version name must be 1-64 letters, digits, '.', '+', '_' or '-'");
        }
    }

    public Map<String, Object> view() {
        return View.of(uuid).put("name", name).put("description", description).put("status", status)
                .end(null, createdAt, updatedAt);
    }
}
