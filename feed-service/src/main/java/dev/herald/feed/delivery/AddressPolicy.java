package dev.herald.feed.delivery;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which addresses callbacks may reach: public unicast ones, and those in {@code herald.deliveries.allow}. Loopback,
 * private (RFC 1918, unique local), link-local, carrier-grade NAT, multicast, unspecified and reserved ranges would
 * let a subscriber make Herald call into its own network (SSRF).
 */
@ApplicationScoped
class AddressPolicy {

    private static final List<Network> NOT_PUBLIC = List.of(
            Network.parse("0.0.0.0/8"), Network.parse("100.64.0.0/10"), Network.parse("192.0.0.0/24"),
            Network.parse("192.0.2.0/24"), Network.parse("198.18.0.0/15"), Network.parse("198.51.100.0/24"),
            Network.parse("203.0.113.0/24"), Network.parse("240.0.0.0/4"), Network.parse("fc00::/7"),
            Network.parse("2001:db8::/32"), Network.parse("64:ff9b::/96"), Network.parse("100::/64"),
            // IPv4-compatible IPv6 (deprecated), which some stacks route to the IPv4 address
            Network.parse("::/96"));

    private final List<Network> allowed;

    AddressPolicy(DeliveryConfig config) {
        this.allowed = config.allow().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(Network::parse).toList();
    }

    /** Null when the address may be called, else what it is ("a loopback address"). */
    String refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return null;
        }
        String kind = address.isLoopbackAddress() ? "loopback"
                : address.isAnyLocalAddress() ? "unspecified"
                : address.isLinkLocalAddress() ? "link-local"
                : address.isSiteLocalAddress() ? "private"
                : address.isMulticastAddress() ? "multicast"
                : NOT_PUBLIC.stream().anyMatch(network -> network.contains(address)) ? "not public"
                : null;
        return kind == null ? null : "a " + kind + " address";
    }

    /** An address block such as 10.0.0.0/8 or fc00::/7. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // literals only: InetAddress.getByName does no lookup for them
                if (!cidr.substring(0, slash < 0 ? cidr.length() : slash).matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException("not an address block: " + cidr);
                }
                byte[] address = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + cidr);
                }
                return new Network(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address block: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != prefix.length
                    || (address instanceof Inet4Address) != (prefix.length == 4)
                    || (address instanceof Inet6Address) != (prefix.length == 16)) {
                return false;
            }
            int width = prefix.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, prefix).and(mask));
        }
    }
}
