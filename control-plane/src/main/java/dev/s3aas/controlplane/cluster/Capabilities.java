package dev.s3aas.controlplane.cluster;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The capabilities a probe found: for each one, supported or not and why not. A capability that was not
 * probed (yet) is absent and counts as unsupported, with that as its reason.
 */
public record Capabilities(Map<Capability, Support> found) {
    /** One probe result; {@code reason} says what the cluster answered when it is unsupported. */
    public record Support(boolean supported, String reason) {
        public Support {
            reason = reason == null ? "" : reason;
        }

        public static Support yes() {
            return new Support(true, "");
        }

        public static Support no(String reason) {
            return new Support(false, reason);
        }
    }

    public static final Capabilities UNKNOWN = new Capabilities(Map.of());

    public Capabilities {
        EnumMap<Capability, Support> copy = new EnumMap<>(Capability.class);
        copy.putAll(found);
        found = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean supports(Capability c) {
        Support s = found.get(c);
        return s != null && s.supported();
    }

    /** Why {@code c} is unavailable, or empty when it is supported. */
    public Optional<String> missing(Capability c) {
        Support s = found.get(c);
        if (s == null) {
            return Optional.of("not probed yet (the cluster has not answered a capability probe)");
        }
        return s.supported() ? Optional.empty() : Optional.of(s.reason());
    }

    public boolean probed() {
        return !found.isEmpty();
    }

    /** {@code {"versioning": {"supported": true}, "encryption": {"supported": false, "reason": "…"}}}. */
    public Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Capability c : Capability.values()) {
            Support s = found.get(c);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("supported", s != null && s.supported());
            if (s == null) {
                one.put("reason", "not probed yet");
            } else if (!s.supported()) {
                one.put("reason", s.reason());
            }
            out.put(c.external(), one);
        }
        return out;
    }

    /** Reads what {@link #view()} wrote (the {@code capabilities} column). */
    @SuppressWarnings("unchecked")
    public static Capabilities fromView(Map<String, Object> view) {
        EnumMap<Capability, Support> m = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            Object one = view.get(c.external());
            if (one instanceof Map<?, ?> o && !"not probed yet".equals(o.get("reason"))) {
                Map<String, Object> fields = (Map<String, Object>) o;
                m.put(c, new Support(Boolean.TRUE.equals(fields.get("supported")), (String) fields.get("reason")));
            }
        }
        return new Capabilities(m);
    }
}
