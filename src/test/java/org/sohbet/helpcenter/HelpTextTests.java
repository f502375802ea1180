package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Markdown, slugs, query text and JSON-LD: the places where user text becomes markup or addresses. */
class HelpTextTests {

    @Test
    void markdownKeepsFormattingAndShowsRawHtmlAsText() {
        String html = Markdown.toHtml("**Bold** and <script>alert(1)</script> <img src=x onerror=alert(2)>");

        assertThat(html).contains("<strong>Bold</strong>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void markdownLinksKeepOnlySafeSchemesAndGetRelAttributes() {
        for (String bad : new String[] {
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java&#x09;script:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "javascript:alert(1)//http://x"
        }) {
            assertThat(Markdown.toHtml("[x](" + bad + ")"))
                    .as(bad)
                    .doesNotContainIgnoringCase("href=\"javascript")
                    .doesNotContainIgnoringCase("href=\"data")
                    .doesNotContainIgnoringCase("href=\"vbscript")
                    .doesNotContainIgnoringCase("href=\"java");
        }
        String link = Markdown.toHtml("[shop](https://shop.example/a) [mail](mailto:a@b.c) [page](/help/x/en)");
        assertThat(link).contains("href=\"https://shop.example/a\"", "href=\"mailto:a", "href=\"/help/x/en\"");
        assertThat(org.jsoup.Jsoup.parse(link).select("a").eachAttr("rel"))
                .hasSize(3)
                .allSatisfy(rel ->
                        assertThat(rel.split(" ")).containsExactlyInAnyOrder("noopener", "noreferrer", "nofollow"));
        assertThat(Markdown.toHtml("![logo](//evil.example/x.png)")).doesNotContain("evil.example");
    }

    @Test
    void slugsKeepLettersOfAnyScriptAndDropTheRest() {
        assertThat(Slugs.of("How long does delivery take?")).isEqualTo("how-long-does-delivery-take");
        assertThat(Slugs.of("پیگیری سفارش من؟")).isEqualTo("پیگیری-سفارش-من");
        assertThat(Slugs.of("كيف أتتبع طلبي؟")).isEqualTo("كيف-أتتبع-طلبي");
        assertThat(Slugs.of("Kargo ücreti ne kadar?")).isEqualTo("kargo-ücreti-ne-kadar");
        assertThat(Slugs.of("<script>alert(1)</script>")).isEqualTo("script-alert-1-script");
        assertThat(Slugs.of("a\u202Eb/../c")).isEqualTo("ab-c");
        assertThat(Slugs.of("x".repeat(500))).hasSize(Slugs.MAX_LENGTH);
        assertThat(Slugs.ofCenter("Şık Mağaza & Co.")).isEqualTo("sik-magaza-co");
        assertThat(Slugs.ofCenter("فروشگاه")).isEqualTo("help");
    }

    @Test
    void queryTextIsCutBeforeNormalizingAndLosesInvisibleCharacters() {
        assertThat(QueryText.clean("x".repeat(10_000))).hasSize(QueryText.MAX_LENGTH);
        assertThat(QueryText.clean("re\u202Eturn\u0000 \uD800 it\u200Bem \uFFFF"))
                .isEqualTo("re turn it em");
        assertThat(QueryText.clean("\uD83D\uDE00".repeat(150)))
                .hasSizeLessThanOrEqualTo(QueryText.MAX_LENGTH)
                .doesNotEndWith("\uD83D");
        assertThat(QueryText.clean(null)).isEmpty();
        assertThat(QueryText.clean("ＦＵＬＬ width")).isEqualTo("FULL width");
    }

    @Test
    void jsonLdCannotCloseItsScriptBlock() {
        String json = JsonLd.of(Map.of("name", "</script><script>alert(1)</script> & \u2028"));

        assertThat(json)
                .doesNotContain("<")
                .doesNotContain(">")
                .doesNotContain("&")
                .doesNotContain("\u2028");
        assertThat(json).contains("\\u003c/script\\u003e");
    }

    @Test
    void imagesAreKnownByTheirBytesAndSvgIsRefused() {
        assertThat(HelpImages.contentType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .hasValue("image/png");
        assertThat(HelpImages.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .hasValue("image/jpeg");
        assertThat(HelpImages.contentType("<svg onload=alert(1)>".getBytes())).isEmpty();
        assertThat(HelpImages.contentType("<html>".getBytes())).isEmpty();
    }
}
