package dev.s3aas.common.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 CIDR block for the {@code IpAddress} / {@code NotIpAddress} condition operators
 * (IAM JSON policy elements: Condition operators, "IP address condition operators"; RFC 4632). A bare
 * address is a /32 (IPv4) or /128 (IPv6). An IPv4 request address never matches an IPv6 block and vice
 * versa.
 */
record IpRange(byte[] network, int prefixLength, String text) {

    IpRange {
        network = network.clone();
    }

    static IpRange parse(String text) throws MalformedPolicyException {
        String s = text.trim();
        int slash = s.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new MalformedPolicyException("invalid IP address or CIDR \"" + text + "\"");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new MalformedPolicyException("invalid CIDR prefix length in \"" + text + "\"");
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                throw new MalformedPolicyException("CIDR prefix length /" + prefix + " is too long for \""
                        + text + "\"");
            }
        }
        return new IpRange(mask(address, prefix), prefix, text);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            int m = (0xFF << (8 - keep)) & 0xFF;
            if ((address[i] & m) != (network[i] & m)) {
                return false;
            }
        }
        return true;
    }

    boolean isIpv4() {
        return network.length == 4;
    }

    /**
     * Parses a literal IPv4 (strict dotted quad) or IPv6 address; null if it is not one. Host names are
     * never resolved: only characters of address literals reach {@link InetAddress#getByName}. An
     * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}, as dual-stack sockets report IPv4 clients) is
     * returned as the IPv4 address, so IPv4 ranges match it.
     */
    static byte[] parseAddress(String s) {
        if (s.indexOf(':') < 0) {
            return parseIpv4(s);
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName("[" + s + "]").getAddress();
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - keep));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefixLength == prefixLength && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
