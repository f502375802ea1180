package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The seller a page names reaches the conversation through the frame and the visitor socket (ADR 32). */
class SellerFromPageIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    Sellers sellers;

    @Autowired
    Conversations conversations;

    SignedInAgent owner;
    WebsiteInbox inbox;
    Seller acme;
    Seller bazar;

    @BeforeEach
    void marketplace() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Market", "Ali", "ali@market.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
        acme = sellers.create(owner, new Sellers.SellerForm("Acme", "acme", true, Set.of()));
        bazar = sellers.create(owner, new Sellers.SellerForm("Bazar", "bazar", true, Set.of()));
    }

    ConversationSummary chat(String helloSeller, String laterSeller) {
        try (TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port))) {
            Map<String, Object> hello = new HashMap<>();
            hello.put("type", "hello");
            hello.put("inbox", inbox.publicKey());
            hello.put("lang", "en");
            hello.put("after", 0);
            hello.put("seller", helloSeller);
            socket.send(hello);
            socket.next("welcome");
            if (laterSeller != null) {
                socket.send(Map.of("type", "seller", "seller", laterSeller));
            }
            socket.send(Map.of("type", "send", "clientId", "m1", "text", "hello"));
            socket.next("ack");
            var contact = conversations.find(owner.accountId(), latest()).orElseThrow();
            return contact;
        }
    }

    private org.sohbet.conversation.ConversationId latest() {
        return new org.sohbet.conversation.ConversationId(
                jdbc.sql("select max(id) from conversation").query(Long.class).single());
    }

    @Test
    void theSellerNamedByThePageOwnsTheNewChatAndAnUnknownOneLeavesItTheOperators() {
        assertThat(chat("acme", null).sellerId()).isEqualTo(acme.id());
        assertThat(chat("acme", "bazar").sellerId())
                .as("a track call that changes the seller before the first message")
                .isEqualTo(bazar.id());
        assertThat(chat("nobody", null).sellerId()).isNull();
        assertThat(chat(null, null).sellerId()).isNull();
    }

    @Test
    void theFrameEchoesOnlyAWellFormedSellerKey() throws Exception {
        String origin = TestSocket.origin(port);
        assertThat(frameConfig(origin, "acme").path("seller").asString()).isEqualTo("acme");
        assertThat(frameConfig(origin, "%3Cscript%3E").path("seller").isNull()).isTrue();
    }

    private tools.jackson.databind.JsonNode frameConfig(String origin, String seller) throws Exception {
        var frame = httpGet("/widget/frame?inbox=" + inbox.publicKey() + "&origin=" + origin + "&seller=" + seller);
        assertThat(frame.statusCode()).isEqualTo(200);
        String config = Jsoup.parse(frame.body()).body().attr("data-config");
        return JsonMapper.builder().build().readTree(config);
    }
}
