package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailHtmlTests {

    @Test
    void removesEverythingThatCanRunOrLeave() {
        String hostile = "<svg onload=alert(1)></svg><img src=x onerror=alert(2)>"
                + "<form action=https://evil.test><input name=p></form>"
                + "<meta http-equiv=refresh content=\"0;url=https://evil.test\"><base href=https://evil.test/>"
                + "<iframe srcdoc=\"<script>alert(3)</script>\"></iframe>"
                + "<style>@import url(https://evil.test/x.css)</style><p style=\"background:url(https://evil.test/t.png)\">hi</p>"
                + "<scr<script>ipt>alert(4)</scr</script>ipt><a href=\"javascript:alert(5)\">x</a>"
                + "<a href=\"https://ok.test/\">ok</a>";
        String safe = MailHtml.sanitize(hostile);
        assertThat(safe.toLowerCase())
                .doesNotContain(
                        "onload",
                        "onerror",
                        "<form",
                        "<input",
                        "<meta",
                        "<base",
                        "<iframe",
                        "<script",
                        "@import",
                        "url(",
                        "javascript:",
                        "<svg",
                        "<style");
        assertThat(safe).contains("href=\"https://ok.test/\"").contains("noopener", "noreferrer", "nofollow");
    }

    @Test
    void keepsImagesForLaterAndRemovesRemoteOnesUntilAsked() {
        String safe = MailHtml.sanitize("<p>Hi<img src=\"cid:logo@x\"><img src=\"https://tracker.test/p.gif\"></p>");
        assertThat(MailHtml.hasRemoteImages(safe)).isTrue();
        String blocked = MailHtml.forFrame(safe, Map.of("logo@x", "data:image/png;base64,AAAA"), false);
        assertThat(blocked).contains("data:image/png;base64,AAAA").doesNotContain("tracker.test");
        assertThat(MailHtml.forFrame(safe, Map.of(), true)).contains("https://tracker.test/p.gif");
    }

    @Test
    void tenThousandNestedElementsAreSanitizedQuicklyAndFlattened() {
        String deep = "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000);
        long started = System.nanoTime();
        String safe = MailHtml.sanitize(deep);
        String text = MailHtml.toText(deep);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // The sanitizer's nesting limit drops what lies deeper; the plain-text fallback keeps the words.
        assertThat(safe.split("<div>", -1).length).isLessThan(1_000);
        assertThat(text).isEqualTo("deep");
    }

    @Test
    void textKeepsLinesAndDropsScriptAndStyle() {
        assertThat(MailHtml.toText("<style>p{}</style><p>One &amp; two</p><p>Three<br>four</p><script>x()</script>"))
                .isEqualTo("One & two\n\nThree\nfour");
    }
}
