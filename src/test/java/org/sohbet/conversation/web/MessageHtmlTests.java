package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageHtmlTests {

    @Test
    void escapesEverythingAndLinksOnlyWebAndMailAddresses() {
        assertThat(MessageHtml.render("<b>hi</b> & \"you\"")).isEqualTo("&lt;b&gt;hi&lt;/b&gt; &amp; &quot;you&quot;");
        assertThat(MessageHtml.render("see [the pot](https://shop.example/pot?a=1&b=2)"))
                .isEqualTo("see <a href=\"https://shop.example/pot?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\""
                        + " target=\"_blank\">the pot</a>");
        assertThat(MessageHtml.render("mail [us](mailto:help@shop.example) or [call](tel:+905551234)"))
                .contains("href=\"mailto:help@shop.example\"")
                .contains("href=\"tel:+905551234\"");
        assertThat(MessageHtml.render("at https://shop.example/a."))
                .isEqualTo("at <a href=\"https://shop.example/a\" rel=\"noopener noreferrer nofollow\""
                        + " target=\"_blank\">https://shop.example/a</a>.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](java\tscript:alert(1))",
                "[x](java&#x09;script:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "[x](vbscript:msgbox(1))",
                "[x](javascript:alert(1)//http://x)",
                "[x](//evil.example)",
                "[<img src=x onerror=alert(1)>](https://ok.example)\"><svg onload=alert(1)>"
            })
    void neverMakesAnUnsafeLinkOrMarkup(String text) {
        String html = MessageHtml.render(text);
        assertThat(html)
                .doesNotContainIgnoringCase("href=\"javascript")
                .doesNotContainIgnoringCase("href=\"data:")
                .doesNotContainIgnoringCase("href=\"vbscript")
                .doesNotContain("href=\"//")
                .doesNotContain("<img")
                .doesNotContain("<svg");
    }
}
