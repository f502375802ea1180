package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class VisitorSocketIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    WebsiteInbox inbox;

    @BeforeEach
    void account() {
        SignedInAgent owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
    }

    TestSocket visitor() {
        return TestSocket.open(port, "/ws/visitor", TestSocket.origin(port));
    }

    JsonNode hello(TestSocket socket, String token, long after) {
        java.util.HashMap<String, Object> frame = new java.util.HashMap<>();
        frame.put("type", "hello");
        frame.put("inbox", inbox.publicKey());
        frame.put("token", token);
        frame.put("lang", "en");
        frame.put("after", after);
        socket.send(frame);
        return socket.next("welcome");
    }

    @Test
    void everyInboxGetsAKeyASecretAndNoDomainsAtSetup() {
        assertThat(inbox.publicKey()).matches("[A-Za-z0-9_-]{22}");
        assertThat(inbox.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(inbox.allowedDomains()).isEmpty();
    }

    @Test
    void aVisitorGetsATokenAndItsMessagesAreSequencedAndAckedAfterCommit() {
        try (TestSocket socket = visitor()) {
            JsonNode welcome = hello(socket, null, 0);
            assertThat(welcome.path("token").asString()).hasSize(43);
            assertThat(welcome.path("conversation").isNull()).isTrue();

            socket.send(Map.of("type", "send", "clientId", "u1", "text", "Is the red one in stock?"));
            JsonNode message = socket.next("message");
            JsonNode ack = socket.next("ack");
            assertThat(message.path("seq").asLong()).isEqualTo(1);
            assertThat(message.path("author").asString()).isEqualTo("visitor");
            assertThat(message.path("text").asString()).isEqualTo("Is the red one in stock?");
            assertThat(ack.path("clientId").asString()).isEqualTo("u1");
            assertThat(ack.path("id").asLong()).isEqualTo(message.path("id").asLong());
            Long stored = jdbc.sql("select count(*) from message where client_id = 'u1'")
                    .query(Long.class)
                    .single();
            assertThat(stored).isEqualTo(1);

            socket.send(Map.of("type", "send", "clientId", "u2", "text", "And in blue?"));
            assertThat(socket.next("ack").path("seq").asLong()).isEqualTo(2);
        }
    }

    @Test
    void theConversationTakesTheLanguageTheVisitorWritesIn() {
        try (TestSocket socket = visitor()) {
            socket.send(Map.of("type", "hello", "inbox", inbox.publicKey(), "lang", "tr", "after", 0));
            socket.next("welcome");
            socket.send(Map.of("type", "send", "clientId", "t1", "text", "Kırmızı olan stokta mı?"));
            long conversation = socket.next("ack").path("conversation").asLong();
            String stored = jdbc.sql("select language from conversation where id = :id")
                    .param("id", conversation)
                    .query(String.class)
                    .single();
            assertThat(stored).isEqualTo("tr");
        }
    }

    @Test
    void aRetriedSendReturnsTheSameMessageAndADifferentTextWithTheSameIdIsAConflict() {
        try (TestSocket socket = visitor()) {
            hello(socket, null, 0);
            socket.send(Map.of("type", "send", "clientId", "u1", "text", "hello"));
            JsonNode first = socket.next("ack");
            for (int i = 0; i < 3; i++) {
                socket.send(Map.of("type", "send", "clientId", "u1", "text", "hello"));
                JsonNode again = socket.next("ack");
                assertThat(again.path("seq").asLong())
                        .isEqualTo(first.path("seq").asLong());
                assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
            }
            socket.send(Map.of("type", "send", "clientId", "u1", "text", "something else"));
            JsonNode error = socket.next("error");
            assertThat(error.path("code").asString()).isEqualTo("conflict");
            assertThat(error.path("clientId").asString()).isEqualTo("u1");
        }
        assertThat(jdbc.sql("select count(*) from message").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aReconnectingVisitorResumesAfterItsLastSequenceAndAFreshLoadGetsTheWholeHistoryOnce() {
        String token;
        try (TestSocket socket = visitor()) {
            token = hello(socket, null, 0).path("token").asString();
            for (int i = 1; i <= 3; i++) {
                socket.send(Map.of("type", "send", "clientId", "m" + i, "text", "message " + i));
                socket.next("ack");
            }
        }
        try (TestSocket socket = visitor()) {
            JsonNode welcome = hello(socket, token, 2);
            assertThat(welcome.path("token").asString()).isEqualTo(token);
            assertThat(welcome.path("conversation").path("lastSeq").asLong()).isEqualTo(3);
            JsonNode message = socket.next("message");
            assertThat(message.path("seq").asLong()).isEqualTo(3);
            assertThat(socket.next().path("type").asString()).isEqualTo("synced");
        }
        try (TestSocket socket = visitor()) {
            hello(socket, token, 0);
            List<Long> seqs = new java.util.ArrayList<>();
            JsonNode frame;
            while (!(frame = socket.next()).path("type").asString().equals("synced")) {
                seqs.add(frame.path("seq").asLong());
            }
            assertThat(seqs).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void anotherVisitorsTokenNeverOpensTheirConversation() {
        try (TestSocket first = visitor();
                TestSocket second = visitor()) {
            hello(first, null, 0);
            first.send(Map.of("type", "send", "clientId", "u1", "text", "private question"));
            first.next("ack");
            JsonNode welcome = hello(second, "A".repeat(43), 0);
            assertThat(welcome.path("conversation").isNull()).isTrue();
            second.send(Map.of("type", "seen", "seq", 1));
            second.send(Map.of("type", "rate", "rating", 5));
            assertThat(second.next("error").path("code").asString()).isEqualTo("not_found");
        }
    }

    @Test
    void aTokenOfOneInboxIsNothingOnAnother() {
        WebsiteInbox second = inboxes.create(inbox.accountId(), "Second shop");
        String token;
        try (TestSocket socket = visitor()) {
            token = hello(socket, null, 0).path("token").asString();
            socket.send(Map.of("type", "send", "clientId", "u1", "text", "on the first shop"));
            socket.next("ack");
        }
        try (TestSocket socket = visitor()) {
            socket.send(Map.of("type", "hello", "inbox", second.publicKey(), "token", token, "lang", "en"));
            JsonNode welcome = socket.next("welcome");
            assertThat(welcome.path("token").asString()).isNotEqualTo(token);
            assertThat(welcome.path("conversation").isNull()).isTrue();
        }
    }

    @Test
    void anotherCustomerOnTheSameBrowserStartsAFreshSession() {
        try (TestSocket socket = visitor()) {
            JsonNode first = helloWithIdentity(
                    socket, identity("cust-1", inbox.secret(), clock.instant().getEpochSecond() + 300));
            socket.send(Map.of("type", "send", "clientId", "a1", "text", "I am customer one"));
            socket.next("ack");
            socket.send(Map.of(
                    "type",
                    "identify",
                    "identity",
                    identity("cust-2", inbox.secret(), clock.instant().getEpochSecond() + 300)));
            JsonNode second = socket.next("welcome");
            assertThat(second.path("token").asString())
                    .isNotEqualTo(first.path("token").asString());
            assertThat(second.path("conversation").isNull()).isTrue();
            socket.send(Map.of("type", "identify"));
            JsonNode anonymous = socket.next("welcome");
            assertThat(anonymous.path("verified").asBoolean()).isFalse();
            assertThat(anonymous.path("conversation").isNull()).isTrue();
        }
    }

    @Test
    void badInputGetsAClearErrorAndNothingIsStored() {
        try (TestSocket socket = visitor()) {
            socket.send(Map.of("type", "send", "clientId", "early", "text", "before hello"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("invalid");
            hello(socket, null, 0);
            socket.send(Map.of("type", "send", "clientId", "u1", "text", "x".repeat(10_001)));
            JsonNode tooLong = socket.next("error");
            assertThat(tooLong.path("code").asString()).isEqualTo("too_long");
            assertThat(tooLong.path("message").asString()).contains("10,000");
            socket.send(Map.of("type", "send", "clientId", "u2", "text", "\u200b\u202e \u200f"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("empty");
            socket.sendRaw("{not json");
            assertThat(socket.next("error").path("code").asString()).isEqualTo("invalid");
            socket.send(Map.of("type", "launch-missiles"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("invalid");
        }
        assertThat(jdbc.sql("select count(*) from message").query(Long.class).single())
                .isZero();
    }

    @Test
    void anOversizedFrameClosesTheSocketWith1009() {
        try (TestSocket socket = visitor()) {
            hello(socket, null, 0);
            socket.sendRaw("{\"type\":\"send\",\"clientId\":\"u\",\"text\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(socket.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void anUnknownInboxIsRefusedAndClosed() {
        try (TestSocket socket = visitor()) {
            socket.send(Map.of("type", "hello", "inbox", "NoSuchInboxKey12345", "lang", "en", "after", 0));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("unknown_inbox");
            assertThat(socket.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void aSocketFromAnotherOriginIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/visitor", "https://evil.example"))
                .hasStackTraceContaining("403");
        assertThatThrownBy(() -> TestSocket.open(port, "/ws/visitor", null)).hasStackTraceContaining("403");
    }

    @Test
    void tooManyMessagesFromOneVisitorAreRateLimited() {
        try (TestSocket socket = visitor()) {
            hello(socket, null, 0);
            String code = "";
            for (int i = 0; i < 40 && !code.equals("rate_limited"); i++) {
                socket.send(Map.of("type", "send", "clientId", "r" + i, "text", "spam " + i));
                JsonNode frame;
                do {
                    frame = socket.next();
                } while (!frame.path("type").asString().equals("ack")
                        && !frame.path("type").asString().equals("error"));
                code = frame.path("code").asString("");
            }
            assertThat(code).isEqualTo("rate_limited");
        }
        assertThat(jdbc.sql("select count(*) from message").query(Long.class).single())
                .isEqualTo(30);
    }

    @Test
    void aSignedIdentitySeesThatCustomersHistoryAndAnUnsignedOneIsRefused() throws Exception {
        String identity = identity("cust-42", inbox.secret(), clock.instant().getEpochSecond() + 300);
        try (TestSocket browserA = visitor()) {
            JsonNode welcome = helloWithIdentity(browserA, identity);
            assertThat(welcome.path("verified").asBoolean()).isTrue();
            browserA.send(Map.of("type", "send", "clientId", "u1", "text", "where is my order?"));
            browserA.next("ack");
        }
        try (TestSocket browserB = visitor()) {
            JsonNode welcome = helloWithIdentity(
                    browserB,
                    identity("cust-42", inbox.secret(), clock.instant().getEpochSecond() + 300));
            assertThat(welcome.path("conversation").path("lastSeq").asLong()).isEqualTo(1);
            assertThat(browserB.next("message").path("text").asString()).isEqualTo("where is my order?");
        }
        for (String bad : List.of(
                identity("cust-42", "wrong secret", clock.instant().getEpochSecond() + 300),
                identity("cust-42", inbox.secret(), clock.instant().getEpochSecond() - 1),
                identity("cust-42", inbox.secret(), clock.instant().getEpochSecond() + 3600),
                upperCaseSignature(
                        identity("cust-42", inbox.secret(), clock.instant().getEpochSecond() + 300)),
                "not.a.token",
                "")) {
            try (TestSocket socket = visitor()) {
                socket.send(Map.of("type", "hello", "inbox", inbox.publicKey(), "identity", bad, "lang", "en"));
                assertThat(socket.next("error").path("code").asString()).isEqualTo("identity");
                JsonNode welcome = socket.next("welcome");
                assertThat(welcome.path("verified").asBoolean()).isFalse();
                assertThat(welcome.path("conversation").isNull()).isTrue();
            }
        }
        try (TestSocket socket = visitor()) {
            hello(socket, null, 0);
            socket.send(Map.of("type", "profile", "name", "Not Cust", "email", "cust42@shop.test"));
            socket.send(Map.of("type", "send", "clientId", "x1", "text", "typed someone's email"));
            JsonNode message = socket.next("message");
            assertThat(message.path("seq").asLong())
                    .as("a new conversation, not cust-42's")
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from contact where verified")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private JsonNode helloWithIdentity(TestSocket socket, String identity) {
        socket.send(Map.of("type", "hello", "inbox", inbox.publicKey(), "identity", identity, "lang", "en"));
        return socket.next("welcome");
    }

    static String upperCaseSignature(String token) {
        int dot = token.lastIndexOf('.');
        return token.substring(0, dot + 1) + token.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }

    static String identity(String customer, String secret, long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + customer + "\",\"name\":\"Leyla\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(IdentityTokens.hmac(secret, header + "." + payload));
    }

    @Test
    void typingAndSeenReachTheOtherSideOnly() throws Exception {
        try (TestSocket socket = visitor()) {
            hello(socket, null, 0);
            socket.send(Map.of("type", "send", "clientId", "u1", "text", "hi"));
            socket.next("ack");
            socket.send(Map.of("type", "typing", "on", true));
            assertThat(socket.drain(Duration.ofMillis(300)))
                    .noneMatch(frame -> frame.path("type").asString().equals("typing"));
        }
    }
}
