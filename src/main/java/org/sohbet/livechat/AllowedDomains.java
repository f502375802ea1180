package org.sohbet.livechat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sohbet.shared.web.Origins;

/**
 * Which pages may embed an inbox's widget. An entry is a host ("shop.example"), a host with a port
 * ("localhost:3000"), or a wildcard for subdomains ("*.shop.example", which does not match "shop.example" itself). A
 * host without a port allows every port. Sohbet's own origin (the demo shop) is always allowed.
 */
final class AllowedDomains {

    private AllowedDomains() {}

    /** Parses what an admin typed, one entry per line or comma; returns the entries, or the first bad one. */
    static Parsed parse(String text) {
        List<String> entries = new ArrayList<>();
        for (String raw : text == null ? new String[0] : text.split("[,\\s]+")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            entry = entry.replaceFirst("^https?://", "").replaceFirst("/+$", "");
            if (!entry.matches(
                    "(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?")) {
                return new Parsed(List.of(), raw.strip());
            }
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return new Parsed(List.copyOf(entries), null);
    }

    record Parsed(List<String> entries, String invalid) {}

    static boolean allows(List<String> entries, String origin, Optional<String> ownOrigin) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return false;
        }
        if (ownOrigin.isPresent() && Origins.same(origin, ownOrigin.get())) {
            return true;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = Origins.port(uri);
        for (String entry : entries) {
            String entryHost = entry;
            Integer entryPort = null;
            int colon = entry.lastIndexOf(':');
            if (colon > 0) {
                entryHost = entry.substring(0, colon);
                entryPort = Integer.parseInt(entry.substring(colon + 1));
            }
            boolean hostMatches = entryHost.startsWith("*.")
                    ? host.endsWith(entryHost.substring(1)) && host.length() > entryHost.length() - 1
                    : host.equals(entryHost);
            if (hostMatches && (entryPort == null || entryPort == port)) {
                return true;
            }
        }
        return false;
    }
}
