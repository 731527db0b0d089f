package dev.s3aas.controlplane.provision;

/** Ports the local provisioner may give to nodes, e.g. {@code 9100-9199} ({@code S3AAS_NODE_PORTS}). */
public record PortRange(int first, int last) {
    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("invalid port range " + first + "-" + last);
        }
    }

    public static PortRange parse(String s) {
        String[] parts = s.strip().split("-");
        try {
            if (parts.length == 1) {
                int p = Integer.parseInt(parts[0]);
                return new PortRange(p, p);
            }
            if (parts.length == 2) {
                return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // Reported below with the offending text.
        }
        throw new IllegalArgumentException("port range must look like 9100-9199, got '" + s + "'");
    }
}
