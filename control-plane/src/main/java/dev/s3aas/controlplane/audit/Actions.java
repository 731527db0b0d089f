package dev.s3aas.controlplane.audit;

import dev.s3aas.controlplane.api.Route;
import java.util.List;
import java.util.Locale;

/** The action name of an audited route. */
final class Actions {
    private Actions() {}

    /**
     * The permission the route checks when it names one ({@code s3aas.bucket.update}); otherwise
     * {@code s3aas.<last literal path segment>.<verb>} ({@code s3aas.token.create}, {@code s3aas.users.delete}).
     */
    static String of(Route route) {
        if (route == null) {
            return null;
        }
        if (route.permission().startsWith("s3aas.")) {
            return route.permission();
        }
        List<String> literal = java.util.Arrays.stream(route.template().split("/"))
                .filter(s -> !s.isEmpty() && !s.startsWith("{")).toList();
        String noun = literal.isEmpty() ? "root" : literal.getLast().replace('-', '_');
        return "s3aas." + noun + "." + verb(route.method());
    }

    private static String verb(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }
}
