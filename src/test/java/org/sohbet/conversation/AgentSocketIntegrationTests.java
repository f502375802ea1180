package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.HttpForms;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AgentSocketIntegrationTests extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Conversations conversations;

    @Autowired
    Contacts contacts;

    SignedInAgent owner(String email, boolean first) {
        var owner = new FirstOwnerSetup.NewOwner(
                "Shop " + email, "Agent " + email, email, PASSWORD, null, ZoneId.of("UTC"));
        return first ? setup.createFirstOwner(owner) : setup.createAccount(owner);
    }

    /** Signs in over real HTTP and returns the session cookie. */
    String signIn(String email) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(
                                "email", email, "password", PASSWORD, "_csrf", HttpForms.csrfToken(login.body()))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        return posted.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    TestSocket agentSocket(String cookie) {
        return TestSocket.open(port, "/ws/agent", TestSocket.origin(port), "Cookie", cookie);
    }

    ConversationSummary conversationOf(SignedInAgent owner, String text) {
        var contact = contacts.createAnonymous(owner.accountId(), "Leyla", null);
        conversations.postFromContact(owner.accountId(), 1, contact.id(), "c-" + text, text);
        return conversations.forContact(owner.accountId(), 1, contact.id()).orElseThrow();
    }

    @Test
    void anAgentSeesNewConversationsAndFollowsOneLive() throws Exception {
        SignedInAgent owner = owner("ali@shop.test", true);
        try (TestSocket socket = agentSocket(signIn("ali@shop.test"))) {
            assertThat(socket.next("welcome").path("agent").asLong())
                    .isEqualTo(owner.agentId().value());
            ConversationSummary conversation = conversationOf(owner, "hello there");
            JsonNode notice = socket.next("conversation");
            assertThat(notice.path("id").asLong()).isEqualTo(conversation.id().value());
            assertThat(notice.path("event").asString()).isEqualTo("created");
            assertThat(notice.path("preview").asString()).isEqualTo("hello there");

            socket.send(
                    Map.of("type", "watch", "conversation", conversation.id().value(), "after", 0));
            assertThat(socket.next("message").path("text").asString()).isEqualTo("hello there");
            assertThat(socket.next("synced").path("lastSeq").asLong()).isEqualTo(1);

            socket.send(Map.of(
                    "type",
                    "send",
                    "conversation",
                    conversation.id().value(),
                    "clientId",
                    "a1",
                    "text",
                    "How can I help?"));
            JsonNode ack = socket.next("ack");
            // Replying claims the conversation first (seq 2), then the reply is seq 3.
            assertThat(ack.path("seq").asLong()).isEqualTo(3);
            assertThat(conversations
                            .find(owner.accountId(), conversation.id())
                            .orElseThrow()
                            .assigneeId())
                    .isEqualTo(owner.agentId());
        }
    }

    @Test
    void anotherAccountsConversationIsNotFoundAndItsEventsNeverArrive() throws Exception {
        SignedInAgent first = owner("ali@shop.test", true);
        SignedInAgent other = owner("bea@other.test", false);
        ConversationSummary foreign = conversationOf(other, "secret of shop B");
        try (TestSocket socket = agentSocket(signIn("ali@shop.test"))) {
            socket.next("welcome");
            socket.send(Map.of("type", "watch", "conversation", foreign.id().value(), "after", 0));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("not_found");
            socket.send(Map.of("type", "send", "conversation", foreign.id().value(), "clientId", "x", "text", "hi"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("not_found");
            conversationOf(other, "another secret");
            assertThat(socket.drain(java.time.Duration.ofMillis(400)))
                    .noneMatch(frame -> frame.toString().contains("secret"));
        }
        assertThat(conversations.find(first.accountId(), foreign.id())).isEmpty();
    }

    @Autowired
    org.sohbet.account.Invitations invitations;

    @Autowired
    org.sohbet.account.Team team;

    @Test
    void disablingAnAgentClosesItsOpenSocketAtOnce() throws Exception {
        SignedInAgent owner = owner("ali@shop.test", true);
        var invitation = invitations.invite(owner, "cem@shop.test", org.sohbet.account.Role.AGENT);
        SignedInAgent cem = invitations.accept(invitation.token(), "Cem", PASSWORD);
        try (TestSocket socket = agentSocket(signIn("cem@shop.test"))) {
            socket.next("welcome");
            team.setEnabled(owner, cem.agentId(), false);
            assertThat(socket.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void aFloodOfFramesClosesTheSocketWith1008() throws Exception {
        owner("ali@shop.test", true);
        try (TestSocket socket = agentSocket(signIn("ali@shop.test"))) {
            socket.next("welcome");
            for (int i = 0; i < 300 && !socket.isClosed(); i++) {
                try {
                    socket.sendRaw("{\"type\":\"ping\"}");
                } catch (java.util.concurrent.CompletionException closedMidFlood) {
                    // The server closed the socket while frames were still going out: what this test expects.
                    break;
                }
            }
            assertThat(socket.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void theHandshakeNeedsASessionAndSohbetsOwnOrigin() throws Exception {
        owner("ali@shop.test", true);
        String cookie = signIn("ali@shop.test");
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/agent", "https://evil.example", "Cookie", cookie))
                .hasStackTraceContaining("403");
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/agent", "null", "Cookie", cookie))
                .hasStackTraceContaining("403");
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/agent", null, "Cookie", cookie))
                .hasStackTraceContaining("403");
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/agent", TestSocket.origin(port)))
                .isInstanceOf(Exception.class);
    }
}
