package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The visitor's side of the queue: offline messages, the place in line, and chats the visitor left unanswered. */
class VisitorQueueIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    Inboxes routingInboxes;

    @Autowired
    Availability availability;

    @Autowired
    Conversations conversations;

    @Autowired
    VisitorSocketHandler handler;

    SignedInAgent owner;
    WebsiteInbox inbox;

    @BeforeEach
    void account() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
    }

    @AfterEach
    void defaultWait() {
        handler.leftAfter(Duration.ofSeconds(60));
    }

    TestSocket visitor() {
        return TestSocket.open(port, "/ws/visitor", TestSocket.origin(port));
    }

    JsonNode hello(TestSocket socket, String token, String lang) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("type", "hello");
        frame.put("inbox", inbox.publicKey());
        frame.put("token", token);
        frame.put("lang", lang);
        frame.put("after", 0);
        socket.send(frame);
        return socket.next("welcome");
    }

    static Map<String, Object> leave(String clientId, String name, String email, String text) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("type", "leave");
        frame.put("clientId", clientId);
        frame.put("name", name);
        frame.put("email", email);
        frame.put("text", text);
        return frame;
    }

    static JsonNode nextQueue(TestSocket socket, Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode frame = socket.next("queue");
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theWelcomeSaysWhetherSomeoneCanAnswerAndCarriesTheAwayTextInTheVisitorsLanguage() {
        Inboxes.Rules rules = routingInboxes.rules(owner.accountId(), inbox.id());
        routingInboxes.updateRules(
                owner,
                inbox.id(),
                new Inboxes.Rules(
                        rules.restricted(),
                        rules.agents(),
                        rules.teams(),
                        rules.autoAssign(),
                        rules.noAnswerMinutes(),
                        rules.week(),
                        rules.holidays(),
                        Map.of("en", "Back at nine.", "fa", "ساعت نه برمی‌گردیم.")));
        try (TestSocket socket = visitor()) {
            JsonNode welcome = hello(socket, null, "fa");
            assertThat(welcome.path("openNow").asBoolean(true)).isFalse();
            assertThat(welcome.path("away").asString()).isEqualTo("ساعت نه برمی‌گردیم.");
        }
        try (TestSocket socket = visitor()) {
            assertThat(hello(socket, null, "tr").path("away").isNull()).isTrue();
        }
        availability.choose(owner, "online");
        try (TestSocket socket = visitor()) {
            assertThat(hello(socket, null, "en").path("openNow").asBoolean(false))
                    .isTrue();
        }
    }

    @Test
    void aMessageLeftWhileNobodyIsOnlineWaitsInTheQueueAsPendingWithTheContactsEmail() {
        try (TestSocket socket = visitor()) {
            hello(socket, null, "en");
            socket.send(leave("l1", " Leyla ", "leyla@example.com", "Please call me back about order 1042."));
            JsonNode ack = socket.next("ack");
            assertThat(ack.path("clientId").asString()).isEqualTo("l1");
            assertThat(ack.path("seq").asLong()).isEqualTo(1);
            assertThat(nextQueue(socket, f -> true).path("position").asInt()).isEqualTo(1);
        }
        Map<String, Object> conversation = jdbc.sql(
                        "select status, assignee_id, queued_at is not null as queued from conversation")
                .query()
                .singleRow();
        assertThat(conversation)
                .containsEntry("status", "pending")
                .containsEntry("assignee_id", null)
                .containsEntry("queued", true);
        Map<String, Object> contact =
                jdbc.sql("select name, email, verified from contact").query().singleRow();
        assertThat(contact)
                .containsEntry("name", "Leyla")
                .containsEntry("email", "leyla@example.com")
                .containsEntry("verified", false);
        assertThat(jdbc.sql("select body from message where client_id = 'l1'")
                        .query(String.class)
                        .single())
                .isEqualTo("Please call me back about order 1042.");
    }

    @Test
    void aBadOrMissingEmailIsRefusedWithAClearCodeAndNothingIsStored() {
        try (TestSocket socket = visitor()) {
            hello(socket, null, "en");
            for (String bad :
                    new String[] {"not-an-email", "a@b", "two@@example.com", "x@example.com" + "m".repeat(250)}) {
                socket.send(leave("l1", "Leyla", bad, "Hello?"));
                JsonNode error = socket.next("error");
                assertThat(error.path("code").asString()).as(bad).isEqualTo("bad_email");
                assertThat(error.path("clientId").asString()).isEqualTo("l1");
                assertThat(error.path("message").asString()).isNotBlank();
            }
            socket.send(leave("l1", "Leyla", null, "Hello?"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("offline_email");
            socket.send(leave("l1", "Leyla", " ", "Hello?"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("offline_email");
            // A good email with an empty message: the contact made on the way is rolled back with it.
            socket.send(leave("l1", "Leyla", "leyla@example.com", " \u200b "));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("empty");
            socket.send(leave("l1", "L".repeat(121), "leyla@example.com", "Hello?"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("too_long");
        }
        assertThat(count("contact")).isZero();
        assertThat(count("conversation")).isZero();
        assertThat(count("message")).isZero();
    }

    @Test
    void aRetriedLeaveWithTheSameClientIdIsStoredOnceEvenAfterAReconnect() {
        String token;
        JsonNode first;
        try (TestSocket socket = visitor()) {
            token = hello(socket, null, "en").path("token").asString();
            socket.send(leave("l1", "Leyla", "leyla@example.com", "Are you open on Sunday?"));
            first = socket.next("ack");
            socket.send(leave("l1", "Leyla", "leyla@example.com", "Are you open on Sunday?"));
            JsonNode again = socket.next("ack");
            assertThat(again.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
            assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
        }
        try (TestSocket socket = visitor()) {
            JsonNode welcome = hello(socket, token, "en");
            assertThat(welcome.path("email").asString()).isEqualTo("leyla@example.com");
            socket.send(leave("l1", "Leyla", "leyla@example.com", "Are you open on Sunday?"));
            assertThat(socket.next("ack").path("id").asLong())
                    .isEqualTo(first.path("id").asLong());
            // The contact has an email now: a further message needs none.
            socket.send(leave("l2", null, null, "I mean this Sunday."));
            assertThat(socket.next("ack").path("seq").asLong()).isEqualTo(2);
        }
        assertThat(count("message where kind = 'text'")).isEqualTo(2);
        assertThat(count("contact")).isEqualTo(1);
        assertThat(count("conversation")).isEqualTo(1);
    }

    @Test
    void waitingVisitorsSeeTheirPlaceInLineAndItMovesWhenTheFirstIsAssigned() {
        availability.setCapacity(owner, owner.agentId(), 1);
        try (TestSocket first = visitor();
                TestSocket second = visitor()) {
            hello(first, null, "en");
            first.send(Map.of("type", "send", "clientId", "a1", "text", "First in line"));
            first.next("ack");
            hello(second, null, "en");
            second.send(Map.of("type", "send", "clientId", "b1", "text", "Second in line"));
            second.next("ack");
            assertThat(nextQueue(first, f -> true).path("position").asInt()).isEqualTo(1);
            JsonNode place = nextQueue(second, f -> true);
            assertThat(place.path("position").asInt()).isEqualTo(2);
            assertThat(place.has("etaSeconds")).isTrue();

            availability.choose(owner, "online");

            JsonNode gone = nextQueue(first, f -> f.path("position").isNull());
            assertThat(gone.path("conversation").asLong())
                    .isEqualTo(place.path("conversation").asLong() - 1);
            assertThat(nextQueue(second, f -> f.path("position").asInt() == 1)
                            .path("conversation")
                            .asLong())
                    .isEqualTo(place.path("conversation").asLong());
        }
        assertThat(jdbc.sql("select count(*) from conversation where assignee_id is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReconnectingVisitorIsToldItsPlaceAfterTheCatchUp() {
        String token;
        try (TestSocket socket = visitor()) {
            token = hello(socket, null, "en").path("token").asString();
            socket.send(Map.of("type", "send", "clientId", "a1", "text", "Still there?"));
            socket.next("ack");
        }
        try (TestSocket socket = visitor()) {
            hello(socket, token, "en");
            socket.next("synced");
            assertThat(socket.next("queue").path("position").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aVisitorWhoLeavesBeforeAnyAgentReplyIsAMissedChatAndOneWhoWasAnsweredIsNot() throws Exception {
        handler.leftAfter(Duration.ofMillis(200));
        long unanswered;
        long answered;
        try (TestSocket socket = visitor()) {
            hello(socket, null, "en");
            socket.send(Map.of("type", "send", "clientId", "a1", "text", "Hello?"));
            unanswered = socket.next("ack").path("conversation").asLong();
        }
        try (TestSocket socket = visitor()) {
            hello(socket, null, "en");
            socket.send(Map.of("type", "send", "clientId", "b1", "text", "Hello there"));
            answered = socket.next("ack").path("conversation").asLong();
            conversations.postFromAgent(owner, new ConversationId(answered), "r1", "Hi, how can I help?");
            socket.next("message");
        }
        eventually(() -> missed(unanswered));
        Thread.sleep(500);
        assertThat(missed(answered)).isFalse();
    }

    @Test
    void aVisitorWhoComesBackWithinTheGraceTimeHasNotLeft() throws Exception {
        // Wide enough that a busy machine still reconnects within it; the wait below outlasts it.
        handler.leftAfter(Duration.ofMillis(3000));
        String token;
        long conversation;
        TestSocket reconnected = null;
        try (TestSocket socket = visitor()) {
            token = hello(socket, null, "en").path("token").asString();
            socket.send(Map.of("type", "send", "clientId", "a1", "text", "Hello?"));
            conversation = socket.next("ack").path("conversation").asLong();
        }
        try {
            // A reload of the shop page, a new page of the shop, or a network drop and a reconnect.
            reconnected = visitor();
            hello(reconnected, token, "en");
            Thread.sleep(4000);
            assertThat(missed(conversation)).isFalse();
        } finally {
            if (reconnected != null) {
                reconnected.close();
            }
        }
        eventually(() -> missed(conversation));
    }

    boolean missed(long conversation) {
        return jdbc.sql("select c.missed from conversation_cycle c join conversation v on v.cycle_id = c.id"
                        + " where v.id = :id")
                .param("id", conversation)
                .query(Boolean.class)
                .single();
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(end);
            Thread.sleep(50);
        }
    }
}
