package org.sohbet.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sohbet.shop.ShopContextFixture.event;
import static org.sohbet.shop.ShopContextFixture.newKey;
import static org.sohbet.shop.ShopContextFixture.page;
import static org.sohbet.shop.ShopContextFixture.purchase;
import static org.sohbet.shop.ShopFixture.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;

/** The shop context beside a conversation: journey, cart and checkout step then and now, earlier conversations. */
class SidebarIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Contacts contacts;

    @Autowired
    Conversations conversations;

    @Autowired
    Inboxes inboxes;

    @Autowired
    Visitors visitors;

    @Autowired
    VisitorChats chats;

    ShopFixture shop;
    ShopContextFixture context;
    final String key = newKey();

    @BeforeEach
    void account() {
        shop = new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@shop.test", true);
        context = new ShopContextFixture(shop, visitors, chats);
    }

    private Document sidebar(SignedInAgent agent, ConversationSummary conversation) throws Exception {
        String html = mvc.perform(
                        get("/console/shop/conversations/" + conversation.id().value() + "/context")
                                .with(as(agent)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void showsTheJourneyAndTheCartAndCheckoutStepWhenTheChatStartedAndNow() throws Exception {
        context.track(
                key,
                page("https://shop.example/products/tea", "Turkish tea") + ","
                        + event(
                                "product_view",
                                "{\"sku\":\"tea-1\",\"name\":\"Rize tea\",\"price\":4.5,\"currency\":\"EUR\","
                                        + "\"url\":\"https://shop.example/products/tea\"}")
                        + ",{\"t\":\"cart\",\"cart\":{\"items\":[{\"sku\":\"tea-1\"},{\"sku\":\"cup\"}],"
                        + "\"total\":124.5,\"currency\":\"EUR\"}},"
                        + event("checkout_step", "{\"step\":\"shipping\"}"));
        ConversationSummary chat = context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofMinutes(2));
        context.track(key, event("checkout_step", "{\"step\":\"payment\"}"));
        visitors.flush();

        Document sidebar = sidebar(shop.owner, chat);

        var places = sidebar.select("dl.visit-places dd");
        assertThat(places).hasSize(2);
        assertThat(places.get(0).text()).contains("Turkish tea", "Product: Rize tea", "Checkout: shipping");
        assertThat(places.get(0).text()).contains("Cart: 2 items, 124.5 EUR");
        assertThat(places.get(1).text()).contains("Checkout: payment").doesNotContain("Checkout: shipping");
        assertThat(places.get(0).select("a").attr("href")).isEqualTo("https://shop.example/products/tea");

        var steps = sidebar.select("ol.journey li");
        assertThat(steps.eachText().getFirst()).contains("Checkout step", "payment");
        assertThat(steps.eachText())
                .anySatisfy(s -> assertThat(s).contains("Product", "Rize tea", "4.5 EUR"))
                .anySatisfy(s -> assertThat(s).contains("Page", "Turkish tea"))
                .anySatisfy(s -> assertThat(s).contains("Cart", "124.5 EUR"));
        assertThat(steps.select("time").eachAttr("datetime"))
                .allSatisfy(t -> assertThat(t).isNotBlank());
    }

    @Test
    void aStoredAddressThatIsNotHttpIsShownAsTextAndNeverAsALink() throws Exception {
        ConversationSummary chat = context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        // The loader's boundary never lets these in; rows from elsewhere (an import, an older version) still must
        // not turn into links.
        jdbc.sql("""
                        insert into visitor_event (account_id, visitor_key, type, name, url, props, occurred_at)
                        values (:account, :key, 'page', null, 'javascript:alert(document.cookie)', '{"title":"Evil"}', now()),
                               (:account, :key, 'track', 'product_view', 'https://shop.example/p',
                                '{"sku":"x","name":"Trap","url":"javascript:alert(2)"}', now())""")
                .param("account", shop.owner.accountId().value())
                .param("key", key)
                .update();
        jdbc.sql("update visitor_chat set start_url = 'javascript:alert(3)' where visitor_key = :key")
                .param("key", key)
                .update();

        Document sidebar = sidebar(shop.owner, chat);

        assertThat(sidebar.select("a[href]").eachAttr("href"))
                .isNotEmpty()
                .allSatisfy(href -> assertThat(href).matches("(https?://|/console/).*"))
                .noneMatch(href -> href.toLowerCase().contains("javascript"));
        assertThat(sidebar.text()).contains("Evil", "Trap", "javascript:alert(3)");
        assertThat(sidebar.select("a:contains(Trap)").attr("href")).isEqualTo("https://shop.example/p");
    }

    @Test
    void listsTheEarlierConversationsOfTheVisitorAndThePurchasesAttributedToTheChat() throws Exception {
        ConversationSummary first = context.chatFrom(key, shop.typedEmail("first@example.com"));
        clock.advance(Duration.ofMinutes(5));
        ConversationSummary second = context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        ConversationSummary unrelated = shop.chat(shop.typedEmail("someone@example.com"));
        ShopFixture other =
                new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@other.test", false);
        ConversationSummary theirs =
                new ShopContextFixture(other, visitors, chats).chatFrom(key, other.typedEmail("x@example.com"));
        clock.advance(Duration.ofHours(1));
        context.track(key, purchase("A-1", "59.9", "EUR"));

        Document sidebar = sidebar(shop.owner, second);

        assertThat(sidebar.select("ul.earlier a").eachAttr("href"))
                .containsExactly("/console/conversations/" + first.id().value())
                .doesNotContain(
                        "/console/conversations/" + unrelated.id().value(),
                        "/console/conversations/" + theirs.id().value(),
                        "/console/conversations/" + second.id().value());
        assertThat(sidebar.select("ul.attributed li").eachText())
                .singleElement()
                .satisfies(t -> assertThat(t).contains("A-1", "59.90 EUR"));
    }

    @Test
    void anotherAccountsConversationAnswers404() throws Exception {
        ShopFixture other =
                new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@other.test", false);
        ConversationSummary theirs =
                new ShopContextFixture(other, visitors, chats).chatFrom(key, other.typedEmail("x@example.com"));

        mvc.perform(get("/console/shop/conversations/" + theirs.id().value() + "/context")
                        .with(as(shop.owner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/shop/conversations/" + theirs.id().value() + "/context")
                        .with(as(other.owner)))
                .andExpect(status().isOk());
    }

    @Test
    void aConversationWithoutATrackedVisitSaysSoAndTheConversationPageLoadsTheSidebarLazily() throws Exception {
        ConversationSummary chat = shop.chat(shop.typedEmail("leyla@example.com"));

        assertThat(sidebar(shop.owner, chat).select("p.empty").eachText())
                .contains("No tracked visit: the visitor has not chatted from a page with tracking on.");
        String page = mvc.perform(
                        get("/console/conversations/" + chat.id().value()).with(as(shop.owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("section.visit[hx-trigger=load]").attr("hx-get"))
                .isEqualTo("/console/shop/conversations/" + chat.id().value() + "/context");
    }
}
