package dev.s3aas.node.iam;

import java.util.Locale;

/** Whether a user's key may sign requests. The wire spelling is MinIO's ({@code madmin.AccountStatus}). */
public enum UserStatus {
    ENABLED, DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "enabled" / "disabled" (any case); null for anything else. */
    public static UserStatus fromWire(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "enabled", "on" -> ENABLED;
            case "disabled", "off" -> DISABLED;
            default -> null;
        };
    }
}
