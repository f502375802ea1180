package org.sohbet.proactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.livechat.WebsiteInbox;
import org.sohbet.livechat.WebsiteInboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proactive rules from the console to the tracking endpoint's answer: validation, tenant isolation, caps, silence
 * while chatting, and the fired and converted counts.
 */
class ChatInvitationIntegrationTests extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    Visitors visitors;

    @Autowired
    ChatInvitations invitations;

    SignedInAgent owner;
    SignedInAgent other;
    WebsiteInbox inbox;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void accounts() {
        owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        other = setup.createAccount(
                new FirstOwnerSetup.NewOwner("Other", "Oz", "oz@other.test", PASSWORD, null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
        inboxes.update(owner.accountId(), inbox.id(), "Website", "shop.example", false, Map.of(), Map.of());
        inbox = inboxes.get(owner.accountId(), inbox.id());
    }

    MockHttpSession signIn(String email) throws Exception {
        return (MockHttpSession)
                mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
    }

    /** The checkout rule's form, with some fields given other values (name, value, ...). */
    MockHttpServletRequestBuilder checkoutRule(String path, String... changes) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("inbox", String.valueOf(inbox.id()));
        form.put("name", "Checkout help");
        form.put("enabled", "on");
        form.put("urls", "/checkout*\n/cart");
        form.put("seconds", "0");
        form.put("pages", "1");
        form.put("cart", "50");
        form.put("step", "in");
        form.put("languages", "");
        form.put("returning", "any");
        form.put("message_en", "Need a hand with your order?");
        form.put("message_tr", "Siparişinizde yardım ister misiniz?");
        form.put("max", "2");
        form.put("cooldown", "10");
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(csrf());
        form.forEach(request::param);
        return request;
    }

    long createRule(MockHttpSession session) throws Exception {
        int status = mvc.perform(checkoutRule("/console/settings/invitations").session(session))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(302);
        return jdbc.sql("select max(id) from proactive_rule").query(Long.class).single();
    }

    JsonNode track(String key, String language, String events) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/widget/events?inbox=" + inbox.publicKey()))
                        .header("Origin", "https://shop.example")
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"v\":\"" + key + "\",\"lang\":\"" + language + "\",\"events\":[" + events + "]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static String checkout(double cart) {
        return "{\"t\":\"page\",\"url\":\"https://shop.example/checkout\",\"title\":\"Checkout\"},"
                + "{\"t\":\"cart\",\"cart\":{\"items\":[{\"sku\":\"tea\"}],\"total\":" + cart
                + ",\"currency\":\"EUR\"}},"
                + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"address\"}}";
    }

    @Test
    void aMatchingBatchIsAnsweredWithTheInvitationInTheVisitorsLanguageAndOnlyThen() throws Exception {
        createRule(signIn("ali@shop.test"));
        String key = "shopper-" + run;

        JsonNode browsing = track(key, "tr", "{\"t\":\"page\",\"url\":\"https://shop.example/products/tea\"}");
        assertThat(browsing.has("invite")).isFalse();
        JsonNode small = track(key, "tr", checkout(20));
        assertThat(small.has("invite")).as("cart below the rule's minimum").isFalse();

        JsonNode invited = track(key, "tr", checkout(80));
        assertThat(invited.path("invite").path("text").asString()).isEqualTo("Siparişinizde yardım ister misiniz?");
        assertThat(jdbc.sql("select count(*) from proactive_firing where visitor_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void capsHoldPerVisitorAndPerRule() throws Exception {
        createRule(signIn("ali@shop.test"));
        String key = "capped-" + run;
        assertThat(track(key, "en", checkout(80)).has("invite")).isTrue();
        // Within the rule's ten-minute cooldown nothing shows again, however often the visitor matches.
        assertThat(track(key, "en", checkout(90)).has("invite")).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(track(key, "en", checkout(90)).has("invite")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(track(key, "en", checkout(90)).path("invite").path("text").asString())
                .isEqualTo("Need a hand with your order?");
        // Twice a day at most.
        clock.advance(Duration.ofMinutes(11));
        assertThat(track(key, "en", checkout(90)).has("invite")).isFalse();
        // Another visitor has caps of its own.
        assertThat(track("fresh-" + run, "en", checkout(90)).has("invite")).isTrue();
        clock.advance(Duration.ofHours(25));
        assertThat(track(key, "en", checkout(90)).has("invite"))
                .as("a day later")
                .isTrue();
    }

    @Test
    void nothingShowsWhileTheVisitorIsChattingAndAChatAfterAnInvitationCountsAsConverted() throws Exception {
        MockHttpSession session = signIn("ali@shop.test");
        long rule = createRule(session);
        String chatting = "chatting-" + run;
        visitors.chatting(owner.accountId(), chatting, 42L);
        assertThat(track(chatting, "en", checkout(80)).has("invite")).isFalse();
        visitors.chatting(owner.accountId(), chatting, null);
        assertThat(track(chatting, "en", checkout(80)).has("invite")).isTrue();
        invitations.converted(owner.accountId(), chatting);

        String ignoring = "ignoring-" + run;
        assertThat(track(ignoring, "en", checkout(80)).has("invite")).isTrue();
        // A chat long after the invitation is not the invitation's doing.
        clock.advance(Duration.ofMinutes(31));
        invitations.converted(owner.accountId(), ignoring);

        Document page =
                Jsoup.parse(mvc.perform(get("/console/settings/invitations").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        var row = page.selectFirst("tr[data-rule=" + rule + "]");
        assertThat(row.selectFirst("td.fired").text()).isEqualTo("2");
        assertThat(row.selectFirst("td.converted").text()).isEqualTo("1");
    }

    @Test
    void aRuleWaitingForTimeOnThePageAsksTheLoaderToCheckAgain() throws Exception {
        MockHttpSession session = signIn("ali@shop.test");
        mvc.perform(checkoutRule("/console/settings/invitations", "seconds", "30", "cart", "")
                        .session(session))
                .andReturn();
        String key = "lingering-" + run;
        JsonNode first = track(key, "en", checkout(10));
        assertThat(first.has("invite")).isFalse();
        assertThat(first.path("recheck").asLong()).isBetween(25_000L, 30_000L);
        clock.advance(Duration.ofSeconds(31));
        // The loader's recheck is an empty batch.
        assertThat(track(key, "en", "").has("invite")).isTrue();
    }

    @Test
    void badRulesAreRefusedAtTheFieldAndNothingIsStored() throws Exception {
        MockHttpSession session = signIn("ali@shop.test");
        var refused = mvc.perform(checkoutRule("/console/settings/invitations", "urls", "javascript:alert(1)")
                        .session(session))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .selectFirst("#urls-error")
                        .text())
                .isNotBlank();
        for (String[] bad : new String[][] {
            {"max", "0"},
            {"cooldown", "0"},
            {"cart", "-1"},
            {"step", "teleport"},
            {"languages", "english!"},
            {"message_en", ""},
            {"name", ""},
            {"seconds", "x"},
            {"inbox", "999999"}
        }) {
            var request = bad[0].equals("message_en")
                    ? checkoutRule("/console/settings/invitations", "message_en", "", "message_tr", "")
                    : checkoutRule("/console/settings/invitations", bad[0], bad[1]);
            request.session(session);
            assertThat(mvc.perform(request).andReturn().getResponse().getStatus())
                    .as(bad[0])
                    .isEqualTo(422);
        }
        assertThat(jdbc.sql("select count(*) from proactive_rule")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherAccountsRuleIsNotFoundAndItsInboxCannotBeUsed() throws Exception {
        long rule = createRule(signIn("ali@shop.test"));
        MockHttpSession theirs = signIn("oz@other.test");
        assertThat(mvc.perform(get("/console/settings/invitations/" + rule).session(theirs))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(checkoutRule("/console/settings/invitations/" + rule)
                                .session(theirs)
                                .param(
                                        "inbox",
                                        String.valueOf(inboxes.list(other.accountId())
                                                .getFirst()
                                                .id())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/console/settings/invitations/" + rule + "/delete")
                                .with(csrf())
                                .session(theirs))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // Oz's own rule may not name Ali's inbox.
        assertThat(mvc.perform(checkoutRule("/console/settings/invitations").session(theirs))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(422);
        assertThat(Jsoup.parse(mvc.perform(get("/console/settings/invitations").session(theirs))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("tr[data-rule]"))
                .isEmpty();
        assertThat(jdbc.sql("select name from proactive_rule where id = ?")
                        .param(rule)
                        .query(String.class)
                        .single())
                .isEqualTo("Checkout help");
    }
}
