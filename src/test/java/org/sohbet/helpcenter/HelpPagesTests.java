package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpPagesTests {

    @Test
    void aPathPatternMatchesThePathAndQueryWithStarsForAnything() {
        assertThat(HelpPages.matches("/products/*", "https://shop.example/products/copper-pot"))
                .isTrue();
        assertThat(HelpPages.matches("/products/*", "https://shop.example/PRODUCTS/pot?colour=red"))
                .isTrue();
        assertThat(HelpPages.matches("/products/*", "https://shop.example/cart"))
                .isFalse();
        assertThat(HelpPages.matches("/cart", "https://shop.example/cart")).isTrue();
        assertThat(HelpPages.matches("/cart", "https://shop.example/cart/checkout"))
                .isFalse();
        assertThat(HelpPages.matches("*checkout*", "https://shop.example/cart/checkout?step=2"))
                .isTrue();
    }

    @Test
    void aPatternWithoutLeadingSlashNamesTheHostToo() {
        assertThat(HelpPages.matches("shop.example/cart*", "https://Shop.Example/cart?x=1"))
                .isTrue();
        assertThat(HelpPages.matches("shop.example/cart*", "https://other.example/cart"))
                .isFalse();
    }

    @Test
    void regexCharactersInAPatternAreLiteralAndOddAddressesMatchNothing() {
        assertThat(HelpPages.matches("/a.c", "https://shop.example/abc")).isFalse();
        assertThat(HelpPages.matches("/(x)+", "https://shop.example/(x)+")).isTrue();
        assertThat(HelpPages.matches("/*", "not a url")).isFalse();
        assertThat(HelpPages.matches("/*", "/relative/only")).isFalse();
        assertThat(HelpPages.matches("*", "javascript:alert(1)")).isFalse();
    }
}
