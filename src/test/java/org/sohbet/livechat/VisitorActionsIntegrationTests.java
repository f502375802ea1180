package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.proactive.ChatInvitations;
import org.sohbet.proactive.InvitationRule;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * What agents do to a tracked visitor's tab: the chat mark on the live list, a proactive start, pushes of products
 * and pages limited to the inbox's domains, and conversions of invitations, always within the agent's account.
 */
class VisitorActionsIntegrationTests extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery";

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

    void page(String key, String url) {
        var result = visitors.ingest(
                owner.accountId(),
                inbox.id(),
                "{\"v\":\"" + key + "\",\"lang\":\"en\",\"events\":[{\"t\":\"page\",\"url\":\"" + url
                        + "\"},{\"t\":\"cart\",\"cart\":{\"items\":[],\"total\":75,\"currency\":\"EUR\"}}]}",
                null,
                "203.0.113.9");
        assertThat(result.accepted()).isTrue();
    }

    TestSocket frame(String key) {
        TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port));
        Map<String, Object> hello = new HashMap<>();
        hello.put("type", "hello");
        hello.put("inbox", inbox.publicKey());
        hello.put("lang", "en");
        hello.put("after", 0);
        hello.put("visitor", key);
        socket.send(hello);
        socket.next("welcome");
        return socket;
    }

    MockHttpServletResponse push(MockHttpSession session, long conversation, String... params) throws Exception {
        var request = post("/console/conversations/" + conversation + "/push")
                .with(csrf())
                .session(session);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    long conversationOf(String clientId) {
        return jdbc.sql("select conversation_id from message where client_id = ?")
                .param(clientId)
                .query(Long.class)
                .single();
    }

    @Test
    void aVisitorWhoWritesIsMarkedInAChatOnTheLiveList() throws Exception {
        String key = "writer-" + run;
        page(key, "https://shop.example/products/tea");
        try (TestSocket socket = frame(key)) {
            socket.send(Map.of("type", "send", "clientId", "w-" + run, "text", "Is tea in stock?"));
            socket.next("ack");
            long conversation = conversationOf("w-" + run);
            assertThat(visitors.chatOf(owner.accountId(), key)).contains(conversation);
            var row = Jsoup.parse("<table>"
                            + mvc.perform(get("/console/visitors/list").session(signIn("ali@shop.test")))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString()
                            + "</table>")
                    .selectFirst("tr[data-visitor=" + key + "]");
            assertThat(row.selectFirst("a.in-chat").attr("href")).isEqualTo("/console/conversations/" + conversation);
        }
    }

    @Test
    void productsAndPagesOnTheShopsDomainsReachTheVisitorsTabAndNothingElseIsAccepted() throws Exception {
        String key = "pushed-" + run;
        page(key, "https://shop.example/cart");
        MockHttpSession ali = signIn("ali@shop.test");
        try (TestSocket socket = frame(key)) {
            socket.send(Map.of("type", "send", "clientId", "p-" + run, "text", "Which tea is mild?"));
            socket.next("ack");
            long conversation = conversationOf("p-" + run);

            String form = mvc.perform(get("/console/conversations/" + conversation + "/push")
                            .session(ali))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(form).selectFirst("#push-url")).isNotNull();

            for (String bad : List.of(
                    "https://evil.example/tea",
                    "javascript:alert(1)",
                    "https://shop.example.evil.example/tea",
                    "https://user@evil.example/tea",
                    "/relative/tea",
                    "data:text/html,hi")) {
                assertThat(push(ali, conversation, "kind", "page", "url", bad).getStatus())
                        .as(bad)
                        .isEqualTo(400);
            }
            assertThat(push(
                                    ali,
                                    conversation,
                                    "kind",
                                    "product",
                                    "url",
                                    "https://shop.example/products/tea",
                                    "name",
                                    "Tea",
                                    "image",
                                    "javascript:alert(1)")
                            .getStatus())
                    .isEqualTo(400);

            var sent = push(
                    ali,
                    conversation,
                    "kind",
                    "product",
                    "url",
                    "https://shop.example/products/tea",
                    "name",
                    "Mild <b>tea</b>",
                    "price",
                    "12 EUR",
                    "image",
                    "https://shop.example/tea.png");
            assertThat(sent.getStatus()).isEqualTo(200);
            JsonNode card = socket.next("push");
            assertThat(card.path("kind").asString()).isEqualTo("product");
            assertThat(card.path("url").asString()).isEqualTo("https://shop.example/products/tea");
            assertThat(card.path("name").asString()).isEqualTo("Mild <b>tea</b>");
            assertThat(card.path("navigate").asBoolean()).isFalse();

            // With the inbox's setting, a pushed page opens without the visitor's click.
            mvc.perform(post("/console/settings/inboxes/" + inbox.id() + "/push")
                            .with(csrf())
                            .session(ali)
                            .param("navigates", "on"))
                    .andReturn();
            assertThat(push(ali, conversation, "kind", "page", "url", "https://shop.example/checkout")
                            .getStatus())
                    .isEqualTo(200);
            JsonNode page = socket.next("push");
            assertThat(page.path("kind").asString()).isEqualTo("page");
            assertThat(page.path("navigate").asBoolean()).isTrue();

            // Another account's agent: not found, by every path.
            MockHttpSession oz = signIn("oz@other.test");
            assertThat(push(oz, conversation, "kind", "page", "url", "https://shop.example/checkout")
                            .getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(get("/console/conversations/" + conversation + "/push")
                                    .session(oz))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void anAgentStartsAChatThatOpensTheVisitorsWidgetAndIsAssignedToThem() throws Exception {
        String key = "invited-" + run;
        page(key, "https://shop.example/checkout");
        try (TestSocket socket = frame(key)) {
            MockHttpSession oz = signIn("oz@other.test");
            assertThat(mvc.perform(post("/console/visitors/" + key + "/chat")
                                    .with(csrf())
                                    .session(oz)
                                    .param("text", "Hi from another shop"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(get("/console/visitors/" + key + "/chat").session(oz))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);

            var started = mvc.perform(post("/console/visitors/" + key + "/chat")
                            .with(csrf())
                            .session(signIn("ali@shop.test"))
                            .param("text", "Can I help with your order?"))
                    .andReturn()
                    .getResponse();
            assertThat(started.getStatus()).isEqualTo(302);
            long conversation =
                    Long.parseLong(started.getRedirectedUrl().replaceFirst(".*/console/conversations/", ""));

            JsonNode welcome = socket.next("welcome");
            assertThat(welcome.path("conversation").path("id").asLong()).isEqualTo(conversation);
            JsonNode message = socket.next("message");
            assertThat(message.path("author").asString()).isEqualTo("agent");
            assertThat(message.path("text").asString()).isEqualTo("Can I help with your order?");
            socket.next("show");
            assertThat(jdbc.sql("select assignee_id from conversation where id = ?")
                            .param(conversation)
                            .query(Long.class)
                            .single())
                    .isEqualTo(owner.agentId().value());
            assertThat(visitors.chatOf(owner.accountId(), key)).contains(conversation);
        }
        // A visitor whose widget is not connected cannot be started with.
        String away = "away-" + run;
        page(away, "https://shop.example/");
        var refused = mvc.perform(post("/console/visitors/" + away + "/chat")
                        .with(csrf())
                        .session(signIn("ali@shop.test"))
                        .param("text", "Hello?"))
                .andReturn()
                .getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo("/console/visitors");
    }

    @Test
    void aVisitorWhoWritesAfterAnInvitationConvertsIt() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("en", "Questions about delivery?");
        invitations.save(
                owner,
                new InvitationRule(
                        0,
                        inbox.id(),
                        "Delivery",
                        true,
                        List.of("/cart"),
                        0,
                        0,
                        null,
                        null,
                        Set.of(),
                        "any",
                        texts,
                        1,
                        60));
        String key = "converted-" + run;
        page(key, "https://shop.example/cart");
        assertThat(invitations.evaluate(owner.accountId(), inbox.id(), key).invitation())
                .isPresent();
        try (TestSocket socket = frame(key)) {
            socket.send(Map.of("type", "send", "clientId", "k-" + run, "text", "When does it arrive?"));
            socket.next("ack");
        }
        assertThat(jdbc.sql("select count(converted_at) from proactive_firing where visitor_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(visitors.chatOf(owner.accountId(), key)).isPresent();
    }
}
