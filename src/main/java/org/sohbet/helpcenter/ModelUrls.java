package org.sohbet.helpcenter;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which model endpoints Sohbet calls (security case H, ADR 0024): https to a host whose every address is public, with
 * no user info, query or fragment. A model server on the same machine or network is common, so hosts on the install's
 * allowlist ({@code SOHBET_HELP_MODEL_PRIVATE_HOSTS}) may be private or loopback and may use http. Checked when saved,
 * when tested and before every call; redirects are never followed.
 */
final class ModelUrls {

    static final int MAX_LENGTH = 300;

    private final Set<String> privateHosts;

    ModelUrls(Set<String> privateHosts) {
        this.privateHosts = Set.copyOf(privateHosts);
    }

    /** The base address normalized without a trailing slash, e.g. {@code https://api.example.com/v1}. */
    URI check(String text) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_LENGTH) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.url");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.url");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean allowlisted = privateHosts.contains(host) || privateHosts.contains(bare);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowlisted)) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.scheme");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.unknownHost");
        }
        if (!allowlisted && !Arrays.stream(addresses).allMatch(ModelUrls::isPublic)) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.private");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + (bare.contains(":") ? "[" + bare + "]" : bare) + port + path);
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
            // this network, carrier-grade NAT, IETF assignments, benchmarking, reserved and broadcast
            return first != 0
                    && !(first == 100 && second >= 64 && second <= 127)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19))
                    && first < 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean embedsV4 = Arrays.equals(b, 0, 10, new byte[10], 0, 10)
                    && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
            if (embedsV4) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
