package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedDomainsTests {

    static final Optional<String> OWN = Optional.of("http://localhost:8080");

    @Test
    void matchesHostsPortsAndSubdomainWildcards() {
        List<String> entries = AllowedDomains.parse("https://Shop.Example/\n*.bazaar.test, localhost:3000")
                .entries();
        assertThat(entries).containsExactly("shop.example", "*.bazaar.test", "localhost:3000");
        assertThat(AllowedDomains.allows(entries, "https://shop.example", OWN)).isTrue();
        assertThat(AllowedDomains.allows(entries, "http://shop.example:8443", OWN))
                .isTrue();
        assertThat(AllowedDomains.allows(entries, "https://a.b.bazaar.test", OWN))
                .isTrue();
        assertThat(AllowedDomains.allows(entries, "https://bazaar.test", OWN)).isFalse();
        assertThat(AllowedDomains.allows(entries, "https://evilbazaar.test", OWN))
                .isFalse();
        assertThat(AllowedDomains.allows(entries, "https://shop.example.evil.test", OWN))
                .isFalse();
        assertThat(AllowedDomains.allows(entries, "http://localhost:3000", OWN)).isTrue();
        assertThat(AllowedDomains.allows(entries, "http://localhost:3001", OWN)).isFalse();
        assertThat(AllowedDomains.allows(entries, "http://localhost:8080", OWN))
                .as("Sohbet itself")
                .isTrue();
        assertThat(AllowedDomains.allows(entries, "null", OWN)).isFalse();
        assertThat(AllowedDomains.allows(entries, null, OWN)).isFalse();
        assertThat(AllowedDomains.allows(entries, "file:///etc/passwd", OWN)).isFalse();
    }

    @Test
    void reportsTheFirstEntryThatIsNotADomain() {
        assertThat(AllowedDomains.parse("shop.example\nbad_domain!").invalid()).isEqualTo("bad_domain!");
        assertThat(AllowedDomains.parse("javascript:alert(1)").invalid()).isNotNull();
        assertThat(AllowedDomains.parse("").entries()).isEmpty();
    }
}
