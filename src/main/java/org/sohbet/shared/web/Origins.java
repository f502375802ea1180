package org.sohbet.shared.web;

import java.net.URI;

/** Web origins (scheme, host and port) as RFC 6454 compares them. */
public final class Origins {

    private Origins() {}

    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getScheme() != null
                    && x.getHost() != null
                    && x.getScheme().equalsIgnoreCase(y.getScheme())
                    && x.getHost().equalsIgnoreCase(y.getHost())
                    && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
