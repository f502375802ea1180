package org.sohbet.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sohbet.shop.ShopFixture.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class ShopConnectorIntegrationTests extends PostgresIntegrationTest {

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

    FakeShops shops;
    ShopFixture shop;

    @BeforeEach
    void start() throws Exception {
        shops = new FakeShops();
        shop = new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@shop.test", true);
    }

    @AfterEach
    void stop() {
        shops.close();
    }

    private void connectWoo() throws Exception {
        mvc.perform(post("/console/settings/shop")
                        .with(as(shop.owner))
                        .with(csrf())
                        .param("platform", "woocommerce")
                        .param("url", shops.url() + "/")
                        .param("key", FakeShops.CONSUMER_KEY)
                        .param("secret", FakeShops.CONSUMER_SECRET))
                .andExpect(status().is3xxRedirection());
    }

    private void connectShopify(String token) throws Exception {
        mvc.perform(post("/console/settings/shop")
                        .with(as(shop.owner))
                        .with(csrf())
                        .param("platform", "shopify")
                        .param("url", shops.url())
                        .param("secret", token))
                .andExpect(status().is3xxRedirection());
    }

    private Document panel(SignedInAgent agent, ConversationSummary c) throws Exception {
        String html = mvc.perform(get("/console/shop/conversations/" + c.id().value() + "/orders")
                        .with(as(agent))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void showsWooCommerceOrdersOfTheContactsEmailOnly() throws Exception {
        connectWoo();
        shops.wooOrders = "["
                + FakeShops.wooOrder(
                        1002,
                        "leyla@example.com",
                        "2026-11-30T10:15:00",
                        "processing",
                        "24.80",
                        "https://track.example/JD0001")
                + ","
                // search= matches text anywhere; an order whose note mentions the address is someone else's
                + FakeShops.wooOrder(
                        1003, "other@example.com", "2026-12-01T09:00:00", "completed", "99.00", "https://t.example/x")
                + ","
                + FakeShops.wooOrder(
                        1001, "Leyla@Example.com", "2026-11-02T08:00:00", "completed", "5.00", "javascript:alert(1)")
                + "]";
        ConversationSummary c = shop.chat(shop.typedEmail("leyla@example.com"));

        Document panel = panel(shop.owner, c);

        assertThat(panel.select("li.order strong").eachText()).containsExactly("Order 1002", "Order 1001");
        assertThat(panel.text()).contains("processing", "24.80 EUR", "2 × Blue mug", "1 × Tea");
        assertThat(panel.select("a[href]").eachAttr("href")).containsExactly("https://track.example/JD0001");
        assertThat(panel.selectFirst("a[href]").attr("rel")).contains("noopener", "noreferrer", "nofollow");
        assertThat(panel.text()).contains("not verified");
        FakeShops.Seen seen = shops.requests.getFirst();
        assertThat(seen.path()).isEqualTo("/wp-json/wc/v3/orders");
        assertThat(seen.query()).contains("search=leyla%40example.com").contains("per_page=");
    }

    @Test
    void asksWooCommerceByCustomerIdForAVerifiedContact() throws Exception {
        connectWoo();
        shops.wooOrders = "["
                + FakeShops.wooOrder(
                        77, "someone@else.example", "2026-11-30T10:15:00", "on-hold", "10.00", "https://t.example/1")
                + "]";
        ConversationSummary c = shop.chat(shop.verified("7", "leyla@example.com"));

        Document panel = panel(shop.owner, c);

        assertThat(shops.requests.getFirst().query()).contains("customer=7").doesNotContain("search=");
        assertThat(panel.select("li.order strong").eachText()).containsExactly("Order 77");
        assertThat(panel.text()).doesNotContain("not verified");
    }

    @Test
    void showsShopifyOrdersFoundByTheAdminGraphQlApi() throws Exception {
        connectShopify(FakeShops.SHOPIFY_TOKEN);
        shops.shopifyOrders = "{\"data\":{\"orders\":{\"edges\":["
                + FakeShops.shopifyOrder(
                        "#1001", "leyla@example.com", "42", "2026-11-29T12:00:00Z", "https://tools.usps.com/t?x=1")
                + ","
                + FakeShops.shopifyOrder(
                        "#1002", "leyla@example.com", "43", "2026-11-30T12:00:00Z", "https://x.example/1")
                + "]}},\"extensions\":{\"cost\":{\"requestedQueryCost\":12}}}";
        ConversationSummary c = shop.chat(shop.verified("42", "leyla@example.com"));

        Document panel = panel(shop.owner, c);

        assertThat(panel.select("li.order strong").eachText()).containsExactly("Order #1001");
        assertThat(panel.text()).contains("fulfilled", "42.50 USD", "3 × Green tea");
        assertThat(panel.select("a[href]").eachAttr("href")).containsExactly("https://tools.usps.com/t?x=1");
        FakeShops.Seen seen = shops.requests.getFirst();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/admin/api/2025-01/graphql.json");
        assertThat(seen.token()).isEqualTo(FakeShops.SHOPIFY_TOKEN);
        assertThat(seen.body()).contains("\"query\":\"customer_id:42\"").contains("orders(first:");
    }

    @Test
    void searchesShopifyByAQuotedEmail() throws Exception {
        connectShopify(FakeShops.SHOPIFY_TOKEN);
        ConversationSummary c = shop.chat(shop.typedEmail("le\"yla@example.com"));

        Document panel = panel(shop.owner, c);

        assertThat(panel.text()).contains("No orders found");
        assertThat(shops.requests.getFirst().body()).contains("email:\\\"le\\\\\\\"yla@example.com\\\"");
    }

    @Test
    void wrongCredentialsMalformedAnswersAndErrorsShowAClearMessage() throws Exception {
        connectShopify("shpat_wrong");
        ConversationSummary c = shop.chat(shop.verified("42", "leyla@example.com"));
        assertThat(panel(shop.owner, c).select("[role=alert]").text()).contains("refused the saved credentials");

        connectShopify(FakeShops.SHOPIFY_TOKEN);
        shops.mode = FakeShops.Mode.GRAPHQL_ERRORS;
        assertThat(panel(shop.owner, c).select("[role=alert]").text()).contains("answered with an error");

        connectWoo();
        shops.mode = FakeShops.Mode.MALFORMED;
        assertThat(panel(shop.owner, c).select("[role=alert]").text()).contains("could not be read");

        connectShopify(FakeShops.SHOPIFY_TOKEN);
        shops.mode = FakeShops.Mode.SERVER_ERROR;
        Document failed = panel(shop.owner, c);
        assertThat(failed.select("[role=alert]").text()).contains("answered with an error");
        assertThat(failed.html()).doesNotContain("Internal Server Error");
    }

    @Test
    void aSlowShopTimesOutInThePanelAndNeverHoldsUpTheConversationPage() throws Exception {
        connectWoo();
        shops.mode = FakeShops.Mode.SLOW;
        ConversationSummary c = shop.chat(shop.typedEmail("leyla@example.com"));

        long start = System.nanoTime();
        String page = mvc.perform(
                        get("/console/conversations/" + c.id().value()).with(as(shop.owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(shops.hits.get()).as("the page itself never calls the shop").isZero();
        assertThat(Jsoup.parse(page).select("section.orders").attr("hx-get"))
                .isEqualTo("/console/shop/conversations/" + c.id().value() + "/orders");

        start = System.nanoTime();
        Document panel = panel(shop.owner, c);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(panel.select("[role=alert]").text()).contains("took too long");
        assertThat(took).isLessThan(Duration.ofMillis(2_900));
    }

    @Test
    void keepsAnAnswerForAMinute() throws Exception {
        connectWoo();
        ConversationSummary c = shop.chat(shop.typedEmail("leyla@example.com"));

        panel(shop.owner, c);
        panel(shop.owner, c);
        assertThat(shops.hits.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        panel(shop.owner, c);
        assertThat(shops.hits.get()).isEqualTo(2);
    }

    @Test
    void storesTheSecretEncryptedAndNeverShowsIt() throws Exception {
        connectWoo();

        byte[] stored = jdbc.sql("select secret from shop_connection")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(FakeShops.CONSUMER_SECRET);
        String page = mvc.perform(get("/console/settings/shop").with(as(shop.owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(FakeShops.CONSUMER_SECRET).contains(FakeShops.CONSUMER_KEY);

        // Saving again with an empty secret keeps the stored one.
        mvc.perform(post("/console/settings/shop")
                        .with(as(shop.owner))
                        .with(csrf())
                        .param("platform", "woocommerce")
                        .param("url", shops.url())
                        .param("key", FakeShops.CONSUMER_KEY))
                .andExpect(status().is3xxRedirection());
        ConversationSummary c = shop.chat(shop.typedEmail("leyla@example.com"));
        assertThat(panel(shop.owner, c).select("[role=alert]")).isEmpty();
    }

    @Test
    void refusesAddressesThatAreNotAPublicHttpsShop() throws Exception {
        for (String url : new String[] {
            "http://169.254.169.254/latest/meta-data/",
            "https://169.254.169.254",
            "https://10.0.0.5",
            "https://[::1]",
            "https://[::ffff:127.0.0.1]",
            "https://localhost:5432",
            "https://2130706433",
            "ftp://shop.example",
            "javascript:alert(1)//https://x",
            "https://user:pw@93.184.215.14",
            "https://93.184.215.14/?x=1",
            "not a url"
        }) {
            mvc.perform(post("/console/settings/shop")
                            .with(as(shop.owner))
                            .with(csrf())
                            .param("platform", "shopify")
                            .param("url", url)
                            .param("secret", "shpat_x"))
                    .andExpect(status().isUnprocessableContent());
        }
        assertThat(jdbc.sql("select count(*) from shop_connection")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyOwnersAndAdminsSeeTheShopSettings() throws Exception {
        SignedInAgent agent = shop.agent("Ali", Role.AGENT);
        mvc.perform(get("/console/settings/shop").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/shop")
                        .with(as(agent))
                        .with(csrf())
                        .param("platform", "shopify")
                        .param("url", shops.url())
                        .param("secret", "x"))
                .andExpect(status().isForbidden());
        SignedInAgent admin = shop.agent("Ada", Role.ADMIN);
        mvc.perform(get("/console/settings/shop").with(as(admin))).andExpect(status().isOk());
    }

    @Test
    void anotherAccountsConversationAnswers404() throws Exception {
        connectWoo();
        ShopFixture other =
                new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@other.test", false);
        ConversationSummary theirs = other.chat(other.typedEmail("leyla@example.com"));

        mvc.perform(get("/console/shop/conversations/" + theirs.id().value() + "/orders")
                        .with(as(shop.owner)))
                .andExpect(status().isNotFound());
        assertThat(shops.hits.get()).isZero();
    }
}
