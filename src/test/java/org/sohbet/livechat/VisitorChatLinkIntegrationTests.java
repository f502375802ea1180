package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;

/** The frame names the page's tracking key in its hello; the first message links the chat to the journey. */
class VisitorChatLinkIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    Visitors visitors;

    @Autowired
    VisitorChats chats;

    final String key = "visitor-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    SignedInAgent owner;
    WebsiteInbox inbox;

    @BeforeEach
    void account() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
    }

    private long chatFrom(String visitorKey) {
        try (TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port))) {
            Map<String, Object> hello = new HashMap<>();
            hello.put("type", "hello");
            hello.put("inbox", inbox.publicKey());
            hello.put("lang", "en");
            hello.put("visitor", visitorKey);
            socket.send(hello);
            socket.next("welcome");
            socket.send(Map.of("type", "send", "clientId", "m1", "text", "Is this tea in stock?"));
            return socket.next("ack").path("conversation").asLong();
        }
    }

    @Test
    void theFirstMessageRecordsThePageProductAndCheckoutStepWhereTheChatStarted() {
        visitors.ingest(
                owner.accountId(),
                inbox.id(),
                "{\"v\":\"" + key + "\",\"events\":["
                        + "{\"t\":\"page\",\"url\":\"https://shop.example/products/tea\",\"title\":\"Tea\"},"
                        + "{\"t\":\"track\",\"name\":\"product_view\",\"props\":{\"sku\":\"tea\",\"name\":\"Rize tea\"}},"
                        + "{\"t\":\"cart\",\"cart\":{\"items\":[{\"sku\":\"tea\"}],\"total\":9.5,\"currency\":\"EUR\"}},"
                        + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"address\"}}]}",
                null,
                null);

        chatFrom(key);

        List<Long> ids = jdbc.sql("select conversation_id from visitor_chat")
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(1);
        VisitorChats.Chat chat = chats.ofConversation(owner.accountId(), new ConversationId(ids.getFirst()))
                .getFirst();
        assertThat(chat.visitorKey()).isEqualTo(key);
        assertThat(chat.contactId()).isNotNull();
        assertThat(chat.startUrl()).isEqualTo("https://shop.example/products/tea");
        assertThat(chat.startProduct()).isEqualTo("Rize tea");
        assertThat(chat.startStep()).isEqualTo("address");
        assertThat(chat.startCartTotal()).isEqualByComparingTo("9.50");
        assertThat(chat.startCartItems()).isEqualTo(1);
    }

    @Test
    void aMalformedOrMissingKeyLinksNothingAndTheChatWorksAllTheSame() {
        chatFrom("<script>");
        chatFrom(null);

        assertThat(jdbc.sql("select count(*) from visitor_chat")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from message where author = 'visitor'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
