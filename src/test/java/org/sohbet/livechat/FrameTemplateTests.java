package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The chat frame's template: the contract with widget/src/frame.ts and with the CSP of the frame page. */
class FrameTemplateTests {

    static final String CONFIG = "{\"inbox\":\"pk_test\",\"greeting\":\"\\\"><script>alert(1)</script>\","
            + "\"replyTime\":null,\"preChat\":true,\"parentOrigin\":\"https://shop.test\","
            + "\"socketPath\":\"/ws/visitor\",\"attachmentsUrl\":\"/widget/attachments\","
            + "\"maxFileBytes\":10485760,\"lang\":\"fa\"}";

    @ParameterizedTest
    @EnumSource(Language.class)
    void rendersEveryTextAndControlNameInEachLanguageWithoutInlineCode(Language language) {
        Document page = render(language);

        Element html = page.selectFirst("html");
        assertThat(html.attr("lang")).isEqualTo(language.tag());
        assertThat(html.attr("dir")).isEqualTo(language.direction());
        assertThat(page.body().attr("data-config")).isEqualTo(CONFIG);
        assertThat(page.html()).doesNotContain("??").doesNotContain("#{");
        assertThat(page.select("script:not([src]), style, [style]")).isEmpty();
        assertThat(page.select("script[src]").attr("src")).isEqualTo("/widget/frame.js");
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/widget/frame.css");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("[role=log][aria-live=polite]")).hasSize(1);

        Map<String, String> texts = page.getElementById("texts").dataset();
        assertThat(texts)
                .containsKeys(
                        "greeting",
                        "sending",
                        "seen",
                        "failed",
                        "retry",
                        "agent",
                        "too_long",
                        "empty",
                        "rate_limited",
                        "conflict",
                        "identity",
                        "unknown_inbox",
                        "generic",
                        "file_size",
                        "file_type",
                        "upload",
                        "resolved",
                        "reopened",
                        "claimed",
                        "rated",
                        "assigned",
                        "transferred",
                        "queue",
                        "queue_eta",
                        "bad_email",
                        "offline_email");
        assertThat(texts.get("queue")).contains("{0}");
        assertThat(texts.get("queue_eta")).contains("{0}");
        assertThat(page.select("#leave label[for=leave-email]").text()).isNotBlank();
        assertThat(page.select("#leave input[type=email][required]")).hasSize(1);
        texts.forEach((key, text) -> assertThat(text).as(key).isNotBlank());

        for (Element control : page.select("input, textarea, button")) {
            assertThat(accessibleName(page, control)).as(control.outerHtml()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"ENGLISH", "PERSIAN"})
    void namesTheLauncherAndTheSendButtonAsTheBriefSays(Language language) {
        Document page = render(language);
        String expected = language == Language.ENGLISH ? "Close chat" : "بستن گفتگو";
        assertThat(page.getElementById("close").attr("aria-label")).isEqualTo(expected);
        assertThat(page.select("label[for=text]").text()).isNotBlank();
    }

    private static Document render(Language language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);

        Context context = new Context(Locale.forLanguageTag(language.tag()));
        context.setVariable("lang", language.tag());
        context.setVariable("dir", language.direction());
        context.setVariable("config", CONFIG);
        return Jsoup.parse(engine.process("livechat/frame", context));
    }

    private static String accessibleName(Document page, Element control) {
        if (!control.attr("aria-label").isBlank()) {
            return control.attr("aria-label");
        }
        if (control.is("button")) {
            return control.text();
        }
        Element label = page.selectFirst("label[for=" + control.id() + "]");
        return label == null ? "" : label.text();
    }
}
