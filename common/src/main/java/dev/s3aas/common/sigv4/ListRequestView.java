package dev.s3aas.common.sigv4;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@link RequestView#of}: headers in a list, looked up by a linear scan (requests are small). */
record ListRequestView(String method, String rawPath, String rawQuery,
        List<Map.Entry<String, String>> headers) implements RequestView {

    ListRequestView {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = List.copyOf(headers);
    }

    @Override
    public List<String> headerValues(String name) {
        List<String> values = null;
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(header.getValue());
            }
        }
        return values == null ? List.of() : values;
    }

    @Override
    public Iterable<String> headerNames() {
        Set<String> lower = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (lower.add(header.getKey().toLowerCase(Locale.ROOT))) {
                names.add(header.getKey());
            }
        }
        return names;
    }
}
