package org.sohbet.shop.connector;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which shop addresses Sohbet calls (security case H, ADR 0035): https to a host whose every address is public, with
 * no user info, query or fragment. Hosts on the install's allowlist ({@code SOHBET_SHOP_PRIVATE_HOSTS}) may be
 * private or loopback and may use http. The check runs when the connection is saved and again before every call,
 * and redirects are never followed.
 */
public final class ShopUrls {

    /** Why an address was refused, as the settings form's message key suffix. */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code) {
            super(code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Set<String> privateHosts;

    public ShopUrls(Set<String> privateHosts) {
        this.privateHosts = Set.copyOf(privateHosts);
    }

    /** The shop's base address, normalized (no trailing slash), after the checks above. */
    public URI check(String text) throws Refused {
        if (text == null || text.isBlank() || text.strip().length() > 300) {
            throw new Refused("url");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new Refused("url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new Refused("url");
        }
        boolean allowlisted = privateHosts.contains(host)
                || privateHosts.contains(host.replace("[", "").replace("]", ""));
        if (!scheme.equals("https") && !(scheme.equals("http") && allowlisted)) {
            throw new Refused("scheme");
        }
        checkAddresses(host, allowlisted);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + hostForUri(host) + port + path);
    }

    /** Checks again right before a call: the name may resolve elsewhere since it was saved. */
    public void recheck(URI base) throws ShopUnavailable {
        try {
            check(base.toString());
        } catch (Refused refused) {
            throw new ShopUnavailable(ShopUnavailable.Reason.UNREACHABLE, "address not allowed: " + refused.code());
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private void checkAddresses(String host, boolean allowlisted) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("unknownHost");
        }
        if (allowlisted) {
            return;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused("private");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (isMappedOrCompatible(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
