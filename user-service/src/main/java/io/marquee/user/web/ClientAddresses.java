package io.marquee.user.web;

import io.marquee.user.config.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which client a request comes from, for throttling: the peer address, or the first
 * {@code X-Forwarded-For} entry when the peer is a trusted proxy (the gateway). The first entry is
 * the original client as the first proxy saw it; a proxy must therefore replace, not extend, what
 * a client sent in that header.
 */
@ApplicationScoped
public class ClientAddresses {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    // Only IP literals: anything else could make InetAddress resolve a host name.
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Cidr> trusted;

    @Inject
    public ClientAddresses(UsersConfig config) {
        this(config.clientAddress().trustedProxies().orElse(List.of()));
    }

    /** For tests without a container. */
    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /**
     * The client's address: {@code forwardedFor}'s first entry if {@code peer} is trusted and the
     * entry is an IP address, else {@code peer}.
     */
    public String resolve(String peer, String forwardedFor) {
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null) {
            return peer == null ? "unknown" : peer;
        }
        if (forwardedFor != null && isTrusted(peerAddress)) {
            int comma = forwardedFor.indexOf(',');
            InetAddress client = literal((comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim());
            if (client != null) {
                return client.getHostAddress();
            }
        }
        return peerAddress.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    private static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IP_LITERAL.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address range, {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    record Cidr(byte[] network, int prefixBits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("users.client-address.trusted-proxies: '" + text
                        + "' is not an IP address or CIDR range");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("users.client-address.trusted-proxies: '" + text
                            + "' has an invalid prefix length");
                }
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
