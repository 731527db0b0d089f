package dev.s3aas.controlplane.db;

import java.util.UUID;
import java.util.regex.Pattern;

/** Resource identifiers: random UUIDs in their canonical lower-case text form. */
public final class Ids {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** True when a path segment is shaped like a UUID (so it is looked up as one, not as a name). */
    public static boolean looksLikeUuid(String s) {
        return UUID_TEXT.matcher(s).matches();
    }
}
