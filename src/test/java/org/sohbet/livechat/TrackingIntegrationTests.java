package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.AccountId;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.visitor.LiveVisitor;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;

/** The loader's tracking endpoint: allowed domains, validation at the boundary, live state and batched writes. */
class TrackingIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    Visitors visitors;

    // Live state is in memory and outlives the truncated tables between tests: each test has its own visitor.
    final String key = "visitor-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    SignedInAgent owner;
    WebsiteInbox inbox;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void account() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
        inboxes.update(owner.accountId(), inbox.id(), "Website", "shop.example", false, Map.of(), Map.of());
        inbox = inboxes.get(owner.accountId(), inbox.id());
    }

    HttpResponse<String> send(String origin, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/widget/events?inbox=" + inbox.publicKey()))
                        .header("Origin", origin)
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aShopPageReportsItsJourneyAndTheLiveStateFollowsAtOnce() throws Exception {
        var answer = send(
                "https://shop.example",
                "{\"v\":\"" + key + "\",\"seller\":\"acme\",\"lang\":\"tr\",\"events\":["
                        + "{\"t\":\"page\",\"url\":\"https://shop.example/products/tea\",\"title\":\"Tea\"},"
                        + "{\"t\":\"track\",\"name\":\"product_view\",\"props\":{\"sku\":\"tea\",\"name\":\"Tea\"}},"
                        + "{\"t\":\"cart\",\"cart\":{\"items\":[{\"sku\":\"tea\"}],\"total\":124.5,\"currency\":\"EUR\"}},"
                        + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"shipping\"}},"
                        + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"nowhere\"}}]}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"accepted\":4").contains("\"rejected\":1");

        LiveVisitor live = visitors.liveVisitor(owner.accountId(), key).orElseThrow();
        assertThat(visitors.live(owner.accountId())).contains(live);
        assertThat(live.currentUrl()).isEqualTo("https://shop.example/products/tea");
        assertThat(live.cartTotal()).isEqualTo(124.5);
        assertThat(live.checkoutStep()).isEqualTo("shipping");
        assertThat(live.seller()).isEqualTo("acme");
        assertThat(live.lastProduct()).isEqualTo("Tea");
        assertThat(live.pagesThisVisit()).isEqualTo(1);

        visitors.flush();
        assertThat(jdbc.sql("select count(*) from visitor_event where account_id = ? and visitor_key = ?")
                        .params(owner.accountId().value(), key)
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
        assertThat(jdbc.sql("select seller || ' ' || ip_prefix from visitor where visitor_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo("acme 127.0.0.0");
        assertThat(visitors.journey(owner.accountId(), "" + key + "", 10))
                .extracting(Visitors.JourneyStep::type)
                .containsExactly("page", "track", "cart", "track");
    }

    @Test
    void foreignPagesAndBrokenBatchesAreRefusedAndCounted() throws Exception {
        long before = visitors.rejectedCount();
        assertThat(send("https://evil.example", "{\"v\":\"" + key + "\",\"events\":[]}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("https://shop.example", "{{{").statusCode()).isEqualTo(400);
        assertThat(send("https://shop.example", "{\"v\":\"x\".repeat}").statusCode())
                .isEqualTo(400);
        assertThat(send("https://shop.example", "{\"v\":\"" + key + "\",\"p\":\"" + "x".repeat(70_000) + "\"}")
                        .statusCode())
                .isEqualTo(413);
        assertThat(visitors.rejectedCount() - before).isEqualTo(3);
        // The endpoint still answers after all that.
        assertThat(send("https://shop.example", "{\"v\":\"" + key + "\",\"events\":[]}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anotherAccountNeverSeesTheVisitor() throws Exception {
        send(
                "https://shop.example",
                "{\"v\":\"" + key + "\",\"events\":[{\"t\":\"page\",\"url\":\"https://shop.example/\"}]}");
        AccountId other = new AccountId(owner.accountId().value() + 1000);
        assertThat(visitors.live(other)).isEmpty();
        assertThat(visitors.liveVisitor(other, "" + key + "")).isEmpty();
        assertThat(visitors.liveVisitor(owner.accountId(), "" + key + "")).isPresent();
    }
}
