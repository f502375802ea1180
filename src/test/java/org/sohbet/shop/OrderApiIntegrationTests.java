package org.sohbet.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sohbet.shop.ShopFixture.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class OrderApiIntegrationTests extends PostgresIntegrationTest {

    static final String ORDER = """
            {"number":"1001","placedAt":"2026-12-01T10:00:00Z","status":"paid","email":"Leyla@Example.com",
             "currency":"eur","total":"59.90","items":[{"name":"Blue mug","quantity":2}],
             "trackingUrl":"https://track.example/1001"}""";

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
    ApiTokens tokens;

    ShopFixture shop;
    String token;

    @BeforeEach
    void account() {
        shop = new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@shop.test", true);
        token = tokens.create(shop.owner, "ERP").secret();
    }

    private MockHttpServletRequestBuilder push(String body, String bearer) {
        var request =
                post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(body);
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    @Test
    void recordsAnOrderOnceByItsNumberAndUpdatesItOnRepeat() throws Exception {
        mvc.perform(push(ORDER, token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value("1001"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.total").value("59.90"));
        mvc.perform(push(ORDER, token)).andExpect(status().isOk());
        mvc.perform(push(ORDER.replace("\"paid\"", "\"shipped\""), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("shipped"));

        assertThat(jdbc.sql("select count(*) from shop_order").query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/orders/1001").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("shipped"));
    }

    @Test
    void pushedOrdersShowInTheConversationsOrdersPanel() throws Exception {
        mvc.perform(push(ORDER, token)).andExpect(status().isCreated());
        ConversationSummary c = shop.chat(shop.typedEmail("leyla@example.com"));

        String html = mvc.perform(get("/console/shop/conversations/" + c.id().value() + "/orders")
                        .with(as(shop.owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        var panel = Jsoup.parse(html);
        assertThat(panel.select("li.order strong").eachText()).containsExactly("Order 1001");
        assertThat(panel.text()).contains("59.90 EUR", "2 × Blue mug", "paid");
        assertThat(panel.select("a[href]").eachAttr("href")).containsExactly("https://track.example/1001");
    }

    @Test
    void refusesMissingWrongRevokedAndQueryStringTokens() throws Exception {
        mvc.perform(push(ORDER, null)).andExpect(status().isUnauthorized());
        mvc.perform(push(ORDER, "sohbet_not-a-token")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/orders?access_token=" + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ORDER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("token_in_query"));

        long id = tokens.list(shop.owner).getFirst().id();
        tokens.revoke(shop.owner, id);
        mvc.perform(push(ORDER, token)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from shop_order").query(Long.class).single())
                .isZero();
    }

    @Test
    void keepsOnlyTheTokensHash() {
        byte[] hash = jdbc.sql("select token_hash from shop_api_token")
                .query(byte[].class)
                .single();
        assertThat(hash).isEqualTo(ApiTokens.hash(token)).hasSize(32);
        assertThat(jdbc.sql("select count(*) from shop_api_token where name like '%' || :t || '%'")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void validatesTheOrderAtTheBoundary() throws Exception {
        String[][] cases = {
            {"number", ORDER.replace("\"number\":\"1001\"", "\"number\":\"\"")},
            {"number", ORDER.replace("\"number\":\"1001\"", "\"number\":\"10 01<script>\"")},
            {"email", ORDER.replace("\"email\":\"Leyla@Example.com\"", "\"email\":null")},
            {"email", ORDER.replace("Leyla@Example.com", "not-an-email")},
            {"placedAt", ORDER.replace("2026-12-01T10:00:00Z", "yesterday")},
            {"currency", ORDER.replace("\"eur\"", "\"euro\"")},
            {"total", ORDER.replace("\"59.90\"", "\"-1\"")},
            {"total", ORDER.replace("\"59.90\"", "\"12.345\"")},
            {"total", ORDER.replace("\"59.90\"", "{\"amount\":1}")},
            {"items", ORDER.replace("\"quantity\":2", "\"quantity\":0")},
            {"items", ORDER.replace("[{\"name\":\"Blue mug\",\"quantity\":2}]", "\"mug\"")},
            {"trackingUrl", ORDER.replace("https://track.example/1001", "javascript:alert(1)//https://x")},
            {"status", ORDER.replace("\"status\":\"paid\",", "")},
        };
        for (String[] c : cases) {
            mvc.perform(push(c[1], token))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.field").value(c[0]));
        }
        mvc.perform(push("{\"number\": ", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_json"));
        mvc.perform(push("[1,2]", token)).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/orders")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(ORDER))
                .andExpect(status().isUnsupportedMediaType());
        String huge =
                ORDER.replace("\"status\":\"paid\"", "\"status\":\"paid\",\"note\":\"" + "x".repeat(70_000) + "\"");
        mvc.perform(push(huge, token)).andExpect(status().isContentTooLarge());
        assertThat(jdbc.sql("select count(*) from shop_order").query(Long.class).single())
                .isZero();
    }

    @Test
    void anotherAccountsTokenNeitherSeesNorOverwritesTheOrder() throws Exception {
        mvc.perform(push(ORDER, token)).andExpect(status().isCreated());
        ShopFixture other =
                new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@other.test", false);
        String theirs = tokens.create(other.owner, "Theirs").secret();

        mvc.perform(get("/api/v1/orders/1001").header("Authorization", "Bearer " + theirs))
                .andExpect(status().isNotFound());
        mvc.perform(push(ORDER.replace("\"paid\"", "\"refunded\""), theirs)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/orders/1001").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.status").value("paid"));
    }

    @Test
    void onlyOwnersAndAdminsMakeTokensAndTheSecretIsShownOnce() throws Exception {
        var agent = shop.agent("Ali", Role.AGENT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.create(agent, "Mine"))
                .isInstanceOf(AccessDeniedException.class);

        String created = mvc.perform(
                        post("/console/settings/shop/tokens")
                                .with(as(shop.owner))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "Warehouse"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String secret = Jsoup.parse(created).selectFirst("#shop-new-token").val();
        assertThat(secret).startsWith("sohbet_");
        String later = mvc.perform(get("/console/settings/shop").with(as(shop.owner)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(later).contains("Warehouse").doesNotContain(secret);
    }
}
