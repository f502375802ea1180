package org.sohbet.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

class LanguageIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    MessageSource messages;

    @BeforeEach
    void owner() {
        setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Shop", "Owner", "owner@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
    }

    @ParameterizedTest
    @CsvSource({"fa, rtl", "ar, rtl", "tr, ltr", "bg, ltr", "en, ltr", "'fa-IR,fa;q=0.9,en;q=0.5', rtl"})
    void signInPageFollowsAcceptLanguage(String header, String direction) throws Exception {
        Document page = page(get("/login").header("Accept-Language", header));
        Language expected = Language.fromAcceptLanguage(header).orElseThrow();

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo(expected.tag());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo(direction);
        assertThat(page.selectFirst("h1").text())
                .isEqualTo(messages.getMessage("login.heading", null, expected.locale()));
        assertThat(page.selectFirst("label[for=password]").text())
                .isEqualTo(messages.getMessage("field.password", null, expected.locale()));
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"TURKISH", "BULGARIAN", "PERSIAN", "ARABIC"})
    void signInPageIsFullyTranslated(Language language) throws Exception {
        Document translated = page(get("/login").header("Accept-Language", language.tag()));
        Document english = page(get("/login").header("Accept-Language", "en"));

        assertThat(translated.title()).isNotEqualTo(english.title());
        assertThat(translated.selectFirst("h1").text())
                .isNotEqualTo(english.selectFirst("h1").text());
        assertThat(translated.selectFirst("button[type=submit]").text())
                .isNotEqualTo(english.selectFirst("button[type=submit]").text());
        assertThat(translated.selectFirst("label[for=email]").text())
                .isNotEqualTo(english.selectFirst("label[for=email]").text());
    }

    @Test
    void unsupportedLanguagesFallBackToEnglish() throws Exception {
        Document page = page(get("/login").header("Accept-Language", "de-DE,ja"));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void aLanguageChosenOnThePageWinsOverTheBrowserAndIsRemembered() throws Exception {
        MockHttpServletResponse chosen = mvc.perform(get("/login?lang=bg").header("Accept-Language", "fa"))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(chosen.getContentAsString()).selectFirst("html").attr("lang"))
                .isEqualTo("bg");
        Cookie cookie = chosen.getCookie("sohbet_lang");
        assertThat(cookie).isNotNull();

        Document next = page(get("/login").header("Accept-Language", "fa").cookie(cookie));
        assertThat(next.selectFirst("html").attr("lang")).isEqualTo("bg");
    }

    @Test
    void errorPagesAreTranslatedToo() throws Exception {
        var response = httpGet("/setup", "Accept-Language", "ar", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("h1").text())
                .isEqualTo(messages.getMessage("error.404", null, Language.ARABIC.locale()));
    }

    @Test
    void languageSwitcherOffersAllFiveLanguagesByTheirOwnNames() throws Exception {
        Document page = page(get("/login"));

        assertThat(page.select("nav.language-switcher a").eachAttr("lang"))
                .containsExactly("en", "fa", "ar", "tr", "bg");
        assertThat(page.select("nav.language-switcher a[lang=fa]").text()).isEqualTo("فارسی");
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        try {
            return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
