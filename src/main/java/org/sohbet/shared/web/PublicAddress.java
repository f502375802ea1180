package org.sohbet.shared.web;

import java.net.URI;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where Sohbet is reached from outside: {@code SOHBET_BASE_URL} when set, else the scheme and host of the request.
 * Links in invitations and the widget snippet, and every same-origin check, ask here.
 */
@Component
public class PublicAddress {

    private final SohbetSettings settings;

    PublicAddress(SohbetSettings settings) {
        this.settings = settings;
    }

    /**
     * The base URL without a trailing slash, such as {@code https://support.example.com}; without a configured one,
     * that of the request being served.
     */
    public String base() {
        URI base = settings.publicBaseUrl().orElseGet(() -> ServletUriComponentsBuilder.fromCurrentContextPath()
                .build()
                .toUri());
        return base.toString().replaceAll("/+$", "");
    }

    /** Sohbet's own origin (scheme, host and port), as browsers send it in {@code Origin}. */
    public String origin() {
        URI base = URI.create(base());
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
