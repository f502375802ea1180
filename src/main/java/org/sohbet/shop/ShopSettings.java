package org.sohbet.shop;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sohbet.shared.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop module's settings.
 *
 * @param privateHosts {@code SOHBET_SHOP_PRIVATE_HOSTS}: host names or addresses a shop connection may name although
 *     they are loopback or private, and which may then use plain http (a shop on the same machine or network). Empty
 *     by default: only https to public addresses (ADR 0035)
 * @param timeout how long one call to a shop's API may take before the panel says the shop is slow
 */
@ConfigurationProperties("sohbet.shop")
record ShopSettings(List<String> privateHosts, Duration timeout) {

    ShopSettings {
        privateHosts = privateHosts == null
                ? List.of()
                : privateHosts.stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList();
        timeout = timeout == null ? Duration.ofSeconds(4) : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new InvalidSettingException("SOHBET_SHOP_TIMEOUT", "It must be a duration between 1ms and 30s.");
        }
    }

    Set<String> privateHostSet() {
        return privateHosts.stream().collect(Collectors.toUnmodifiableSet());
    }
}
