package org.sohbet.visitor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Addresses are kept only truncated: enough for a country or a network, never the visitor's own address. */
public final class IpAddresses {

    private IpAddresses() {}

    /** IPv4 to its /24, IPv6 to its /48; null for anything that is not a literal address. */
    public static String truncate(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
