package dev.s3aas.node.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The caller's request ids ({@code X-Request-Id}: one id, or the comma-separated ids of a control-plane reconcile
 * run that applies several API requests). Only sane ids are kept (1–128 of {@code [A-Za-z0-9._-]}, at most 16),
 * so a header cannot inject text into the log; anything else is logged as {@code -}. The header is not signed:
 * it names, it does not authorise.
 */
final class CallerRequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX = 16;

    private CallerRequestIds() {}

    static String of(String header) {
        if (header == null) {
            return "-";
        }
        List<String> ids = new ArrayList<>();
        for (String part : header.split(",", MAX + 1)) {
            String id = part.strip();
            if (ids.size() < MAX && SANE.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }
}
