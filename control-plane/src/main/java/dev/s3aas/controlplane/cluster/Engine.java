package dev.s3aas.controlplane.cluster;

import dev.s3aas.controlplane.api.ApiError;

/** The distributed engines a cluster can be. Only Ceph (RADOS + RGW) today. */
public enum Engine {
    CEPH("ceph");

    private final String external;

    Engine(String external) {
        this.external = external;
    }

    public String external() {
        return external;
    }

    public static Engine parse(String s) {
        for (Engine e : values()) {
            if (e.external.equals(s)) {
                return e;
            }
        }
        throw ApiError.invalid("engine", "engine must be \"ceph\"");
    }
}
