package smsplatform.domain.callbacks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import smsplatform.domain.Failure;

/**
 * Where a callback may go (SSRF defence). In production only {@code https}, no userinfo, and a host whose
 * every address is public: never loopback, private, carrier-grade NAT, link-local (the instance metadata
 * address among them), "this network", multicast or reserved, in IPv4 or IPv6, nor an IPv6 form that
 * embeds one of those IPv4 addresses. The URL is checked when it is set; its addresses are checked at
 * every delivery attempt, after resolution, and the attempt connects to the address checked (DNS rebinding).
 * With {@code allowLoopback} (the local stack only) {@code http} is allowed, to loopback addresses only.
 */
public final class CallbackUrlPolicy {

    public static final String CODE = "InvalidParameterValue.CallbackUrl";
    public static final int MAX_LENGTH = 2_000;

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    /** IPv4 blocks refused, as {address, prefix length}. */
    private static final List<int[]> FORBIDDEN_V4 = List.of(
            block(0, 0, 0, 0, 8),        // "this network"
            block(10, 0, 0, 0, 8),       // private
            block(100, 64, 0, 0, 10),    // carrier-grade NAT
            block(127, 0, 0, 0, 8),      // loopback
            block(169, 254, 0, 0, 16),   // link-local, incl. 169.254.169.254 (instance metadata)
            block(172, 16, 0, 0, 12),    // private
            block(192, 0, 0, 0, 24),     // IETF protocol assignments
            block(192, 168, 0, 0, 16),   // private
            block(198, 18, 0, 0, 15),    // benchmarking
            block(224, 0, 0, 0, 4),      // multicast
            block(240, 0, 0, 0, 4));     // reserved, incl. 255.255.255.255 (broadcast)

    private final boolean allowLoopback;

    public CallbackUrlPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** The URL a customer sets, or a 400 {@value #CODE} saying what is wrong with it. No DNS is asked here. */
    public URI check(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            throw refused("'url' must be an https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("'url' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLoopback && scheme.equals("http"))) {
            throw refused("'url' must use https");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().contains("@") || uri.getRawUserInfo() != null) {
            throw refused("'url' must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getRawFragment() != null || uri.getPort() == 0) {
            throw refused("'url' needs a host name, no fragment, and a port from 1 to 65535 if any");
        }
        InetAddress literal = literal(uri.getHost());
        if (literal != null) {
            String why = refusal(literal);
            if (why != null) {
                throw refused("'url' names a " + why + " address");
            }
        }
        if (scheme.equals("http") && literal != null && !literal.isLoopbackAddress()) {
            throw refused("'url' must use https");
        }
        return uri;
    }

    /**
     * The address to connect to, from every address the host resolved to at this attempt: all of them
     * must be allowed (one bad answer refuses the attempt), and plain http only reaches loopback.
     */
    public InetAddress choose(URI uri, List<InetAddress> resolved) {
        if (resolved.isEmpty()) {
            throw new Refused(uri.getHost() + " has no address");
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        for (InetAddress address : resolved) {
            String why = refusal(address);
            if (why != null) {
                throw new Refused(uri.getHost() + " resolves to a " + why + " address (" + address.getHostAddress() + ")");
            }
            if (http && !address.isLoopbackAddress()) {
                throw new Refused("plain http reaches loopback addresses only (" + address.getHostAddress() + ")");
            }
        }
        return resolved.get(0);
    }

    /** Why an address is refused (e.g. "private"), or null when it is allowed. */
    public String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(b);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(b);
        }
        return "unknown";
    }

    private String refusalV4(byte[] b) {
        if ((b[0] & 0xff) == 127) {
            return allowLoopback ? null : "loopback";
        }
        int value = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        for (int[] block : FORBIDDEN_V4) {
            int mask = block[1] == 0 ? 0 : -1 << (32 - block[1]);
            if ((value & mask) == (block[0] & mask)) {
                return "private or reserved";
            }
        }
        return null;
    }

    private String refusalV6(byte[] b) {
        boolean zeros96 = allZero(b, 0, 12);
        if (zeros96 && allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1)) {
            return b[15] == 1 ? (allowLoopback ? null : "loopback") : "unspecified";   // ::1 and ::
        }
        if (zeros96 || (allZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff)
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12))) {
            return refusalV4(Arrays.copyOfRange(b, 12, 16));   // IPv4-compatible, IPv4-mapped, NAT64 64:ff9b::/96
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return refusalV4(Arrays.copyOfRange(b, 2, 6));     // 6to4 2002::/16 embeds an IPv4 address
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "unique local";                             // fc00::/7, incl. fd00:ec2::254 (instance metadata)
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "link-local";                               // fe80::/10
        }
        if ((b[0] & 0xff) == 0xff) {
            return "multicast";
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The address a host literal names ({@code 10.0.0.1}, {@code [::1]}), or null for a name. */
    private static InetAddress literal(String host) {
        try {
            if (IPV4_LITERAL.matcher(host).matches()) {
                byte[] bytes = new byte[4];
                String[] octets = host.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        throw new UnknownHostException(host);
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            // A bracketed IPv6 literal is parsed, never looked up; anything else in brackets is refused.
            return host.startsWith("[") && host.endsWith("]") && host.contains(":") ? InetAddress.getByName(host) : null;
        } catch (UnknownHostException e) {
            throw refused("'url' names an invalid address");
        }
    }

    private static int[] block(int a, int b, int c, int d, int prefix) {
        return new int[] {(a << 24) | (b << 16) | (c << 8) | d, prefix};
    }

    private static Failure refused(String message) {
        return Failure.invalid(CODE, message, "url");
    }

    /** A delivery attempt the policy refused; it counts as a failed attempt. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
