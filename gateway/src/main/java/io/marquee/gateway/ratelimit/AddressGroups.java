package io.marquee.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Which client addresses share a per-address bucket. An IPv4 address is one client. An IPv6
 * address is not: a single subscriber is routinely given a whole /64 and may pick any of its 2^64
 * addresses per request, so per-address limits count the /64.
 */
final class AddressGroups {

    /** Only literals are parsed: nothing here may ever trigger a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z]{2,64}");

    private AddressGroups() {
    }

    /** The bucket key of {@code hostAddress}: the address itself (IPv4) or its /64 prefix (IPv6). */
    static String of(String hostAddress) {
        if (hostAddress == null || hostAddress.indexOf(':') < 0 || !IP_LITERAL.matcher(hostAddress).matches()) {
            return String.valueOf(hostAddress);
        }
        try {
            int zone = hostAddress.indexOf('%');
            InetAddress address = InetAddress.getByName(zone < 0 ? hostAddress : hostAddress.substring(0, zone));
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress(); // an IPv4-mapped address is the IPv4 client
            }
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return hostAddress;
        }
    }
}
