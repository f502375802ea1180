package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Frames;
import org.sohbet.helpcenter.HelpArticleFixture;
import org.sohbet.helpcenter.HelpPages;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** The widget's help view over HTTP, and the console's suggestion rules behind it. */
class WidgetHelpIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    HelpPages pages;

    HelpArticleFixture articles;
    SignedInAgent owner;
    SignedInAgent other;
    WebsiteInbox inbox;
    WebsiteInbox otherInbox;
    long returns;
    long draft;
    long foreign;

    @BeforeEach
    void shops() {
        articles = new HelpArticleFixture(applicationContext);
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        other = setup.createAccount(new FirstOwnerSetup.NewOwner(
                "Other", "Bea", "bea@other.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
        otherInbox = inboxes.list(other.accountId()).getFirst();
        returns = articles.article(
                owner, Language.ENGLISH, "Returning shoes", "You can **return shoes** within 30 days.", true);
        draft = articles.article(owner, Language.ENGLISH, "Secret sale plans", "The shoes sale starts soon.", false);
        foreign = articles.article(other, Language.ENGLISH, "Other shop shoes", "Their shoes policy.", true);
    }

    static RequestPostProcessor as(SignedInAgent who) {
        return authentication(new UsernamePasswordAuthenticationToken(
                who, null, List.of(new SimpleGrantedAuthority(who.role().authority()))));
    }

    JsonNode json(String url) throws Exception {
        String body = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Frames.mapper().readTree(body);
    }

    JsonNode suggested(WebsiteInbox box, String pageUrl) throws Exception {
        String body = mvc.perform(get("/widget/help/suggested")
                        .param("inbox", box.publicKey())
                        .param("lang", "en")
                        .param("url", pageUrl))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Frames.mapper().readTree(body);
    }

    static List<String> titles(JsonNode answer) {
        return answer.path("articles")
                .valueStream()
                .map(a -> a.path("title").asString())
                .toList();
    }

    @Test
    void searchFindsOnlyTheAccountsPublishedArticles() throws Exception {
        JsonNode found = json("/widget/help/search?inbox=" + inbox.publicKey() + "&lang=en&q=shoes");
        assertThat(titles(found)).containsExactly("Returning shoes");
        assertThat(found.path("articles").get(0).path("summary").asString()).doesNotContain("<");
        assertThat(titles(json("/widget/help/search?inbox=" + otherInbox.publicKey() + "&lang=en&q=shoes")))
                .containsExactly("Other shop shoes");
    }

    @Test
    void badSearchesAndUnknownInboxesAreRefused() throws Exception {
        mvc.perform(get("/widget/help/search?inbox=nope&lang=en&q=shoes")).andExpect(status().isNotFound());
        mvc.perform(get("/widget/help/search?inbox=" + inbox.publicKey() + "&q="))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/widget/help/search").param("inbox", inbox.publicKey()).param("q", "shoes ".repeat(2000)))
                .andExpect(status().isBadRequest());
        String odd = mvc.perform(get("/widget/help/search")
                        .param("inbox", inbox.publicKey())
                        .param("q", "<script>\u202e\ud83d\udc5f"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Frames.mapper().readTree(odd).path("articles").isArray()).isTrue();
    }

    @Test
    void anArticleOpensOnlyWhenPublishedAndTheInboxsAccounts() throws Exception {
        JsonNode article = json("/widget/help/articles/" + returns + "?inbox=" + inbox.publicKey() + "&lang=en");
        assertThat(article.path("title").asString()).isEqualTo("Returning shoes");
        assertThat(article.path("html").asString()).contains("<strong>return shoes</strong>");
        assertThat(article.path("path").asString()).startsWith("/help/");
        mvc.perform(get("/widget/help/articles/" + draft + "?inbox=" + inbox.publicKey()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/widget/help/articles/" + foreign + "?inbox=" + inbox.publicKey()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/widget/help/articles/" + returns + "?inbox=" + otherInbox.publicKey()))
                .andExpect(status().isNotFound());
    }

    @Test
    void rulesSuggestArticlesForMatchingPagesButNeverDrafts() throws Exception {
        mvc.perform(post("/console/help/suggestions")
                        .with(as(owner))
                        .with(csrf())
                        .param("pattern", " /products/* ")
                        .param("article", String.valueOf(returns)))
                .andExpect(redirectedUrl("/console/help/suggestions"));
        mvc.perform(post("/console/help/suggestions")
                        .with(as(owner))
                        .with(csrf())
                        .param("pattern", "/products/*")
                        .param("article", String.valueOf(draft)))
                .andExpect(redirectedUrl("/console/help/suggestions"));
        assertThat(titles(suggested(inbox, "https://shop.example/products/pot")))
                .containsExactly("Returning shoes");
        assertThat(titles(suggested(inbox, "https://shop.example/cart"))).isEmpty();
        assertThat(titles(suggested(otherInbox, "https://shop.example/products/pot")))
                .isEmpty();

        String page = mvc.perform(get("/console/help/suggestions").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("tbody tr")).hasSize(2);
        assertThat(Jsoup.parse(page).select("select#article option"))
                .extracting(o -> o.attr("value"))
                .doesNotContain(String.valueOf(foreign));
    }

    @Test
    void aRuleNeedsAPatternAndOneOfTheAccountsArticlesAndOnlyAdminsManageThem() throws Exception {
        String html = mvc.perform(post("/console/help/suggestions")
                        .with(as(owner))
                        .with(csrf())
                        .param("pattern", "has space")
                        .param("article", String.valueOf(returns)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).getElementById("pattern-error").text())
                .isEqualTo("Write the page address as a pattern of at most 500 characters without spaces.");
        html = mvc.perform(post("/console/help/suggestions")
                        .with(as(owner))
                        .with(csrf())
                        .param("pattern", "/cart")
                        .param("article", String.valueOf(foreign)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).getElementById("article-error").text()).isEqualTo("Choose one of your articles.");
        assertThat(pages.rules(owner.accountId())).isEmpty();

        mvc.perform(post("/console/help/suggestions")
                        .with(as(other))
                        .with(csrf())
                        .param("pattern", "/cart")
                        .param("article", String.valueOf(foreign)))
                .andExpect(redirectedUrl("/console/help/suggestions"));
        long otherRule = pages.rules(other.accountId()).getFirst().id();
        mvc.perform(post("/console/help/suggestions/" + otherRule + "/delete")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(pages.rules(other.accountId())).hasSize(1);
    }
}
