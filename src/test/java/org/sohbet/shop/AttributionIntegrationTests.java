package org.sohbet.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sohbet.shop.ShopContextFixture.newKey;
import static org.sohbet.shop.ShopContextFixture.page;
import static org.sohbet.shop.ShopContextFixture.purchase;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Purchases after a chat, from every source, counted for that chat within the account's window (ADR 34). */
class AttributionIntegrationTests extends PostgresIntegrationTest {

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
    Visitors visitors;

    @Autowired
    VisitorChats chats;

    @Autowired
    Orders orders;

    @Autowired
    Attributions attributions;

    ShopFixture shop;
    ShopContextFixture context;
    final String key = newKey();

    @BeforeEach
    void account() {
        shop = new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@shop.test", true);
        context = new ShopContextFixture(shop, visitors, chats);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aTrackedPurchaseInsideTheWindowBecomesAnOrderAttributedToTheVisitorsChat() {
        context.track(key, page("https://shop.example/checkout", "Checkout"));
        ConversationSummary chat = context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofDays(2));

        context.track(key, purchase("A-1001", "59.9", "EUR"));

        Order order = orders.pushed(shop.owner.accountId(), "A-1001").orElseThrow();
        assertThat(order.total()).isEqualByComparingTo("59.90");
        assertThat(order.currency()).isEqualTo("EUR");
        Attributions.Attribution attribution =
                attributions.order(shop.owner.accountId(), "A-1001").orElseThrow();
        assertThat(attribution.conversationId()).isEqualTo(chat.id());
        assertThat(attribution.byVisitor()).isTrue();
        assertThat(attribution.source()).isEqualTo("tracked");
        assertThat(attribution.total()).isEqualByComparingTo("59.90");
        // The order carries the contact's email, so it also shows in the contact's orders panel.
        assertThat(jdbc.sql("select email from shop_order where number = 'A-1001'")
                        .query(String.class)
                        .single())
                .isEqualTo("leyla@example.com");
    }

    @Test
    void aPurchaseAfterTheWindowOrBeforeTheChatIsNotAttributedAndTheWindowIsPerAccount() {
        context.track(key, purchase("EARLY-1", "10", "EUR"));
        context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofDays(8));
        context.track(key, purchase("LATE-1", "20", "EUR"));

        assertThat(orders.pushed(shop.owner.accountId(), "EARLY-1")).isPresent();
        assertThat(orders.pushed(shop.owner.accountId(), "LATE-1")).isPresent();
        assertThat(count("shop_attribution")).isZero();

        attributions.setWindow(shop.owner, 10);
        assertThat(attributions.window(shop.owner.accountId())).isEqualTo(Duration.ofDays(10));
        context.track(key, purchase("LATE-2", "30", "EUR"));
        assertThat(attributions.order(shop.owner.accountId(), "LATE-2")).isPresent();
        assertThat(attributions.order(shop.owner.accountId(), "LATE-1")).isEmpty();
    }

    @Test
    void anOrderPushedForTheContactsEmailIsAttributedByContactWithoutAnyTracking() throws Exception {
        ConversationSummary chat = context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofHours(3));

        orders.record(
                shop.owner.accountId(),
                new OrderPush(
                        "1001",
                        clock.instant(),
                        "paid",
                        "Leyla@Example.com",
                        null,
                        "eur",
                        new BigDecimal("120.00"),
                        List.of(new OrderItem("Blue mug", 2)),
                        null));

        Attributions.Attribution attribution =
                attributions.order(shop.owner.accountId(), "1001").orElseThrow();
        assertThat(attribution.conversationId()).isEqualTo(chat.id());
        assertThat(attribution.byVisitor()).isFalse();
        assertThat(attribution.source()).isEqualTo("pushed");
        assertThat(attributions.totals(
                        shop.owner.accountId(),
                        clock.instant().minusSeconds(60),
                        clock.instant().plusSeconds(60)))
                .containsExactly(new Attributions.Total("EUR", 1, new BigDecimal("120.00")));
    }

    @Test
    void anotherVisitorsOrAnotherContactsPurchaseIsNotAttributed() {
        context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofHours(1));
        context.track(newKey(), purchase("B-1", "15", "EUR"));
        orders.record(
                shop.owner.accountId(),
                new OrderPush(
                        "B-2",
                        clock.instant(),
                        "paid",
                        "someone-else@example.com",
                        null,
                        "EUR",
                        BigDecimal.TEN,
                        List.of(),
                        null));

        assertThat(count("shop_order")).isEqualTo(2);
        assertThat(count("shop_attribution")).isZero();
    }

    @Test
    void aRepeatedPurchaseCountsOnceAndNeverOverwritesThePushedOrder() {
        ConversationSummary chat = context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofHours(1));
        orders.record(
                shop.owner.accountId(),
                new OrderPush(
                        "1001",
                        clock.instant(),
                        "shipped",
                        "leyla@example.com",
                        null,
                        "EUR",
                        new BigDecimal("80.00"),
                        List.of(),
                        null));

        context.track(key, purchase("1001", "1", "USD"));
        context.track(key, purchase("1001", "1", "USD"));

        assertThat(count("shop_order")).isEqualTo(1);
        assertThat(count("shop_attribution")).isEqualTo(1);
        Order order = orders.pushed(shop.owner.accountId(), "1001").orElseThrow();
        assertThat(order.status()).isEqualTo("shipped");
        assertThat(order.total()).isEqualByComparingTo("80.00");
        assertThat(attributions.ofConversation(shop.owner.accountId(), chat.id()))
                .singleElement()
                .satisfies(a -> assertThat(a.total()).isEqualByComparingTo("80.00"));
    }

    @Test
    void aTrackedPurchaseWithoutACurrencyTakesTheCartsAndOneWithoutEitherStaysAnEventOnly() {
        context.chatFrom(key, shop.typedEmail("leyla@example.com"));
        context.track(
                key, "{\"t\":\"cart\",\"cart\":{\"items\":[{\"sku\":\"tea\"}],\"total\":12,\"currency\":\"TRY\"}}");
        context.track(key, purchase("C-1", "12", null));
        String bare = newKey();
        context.track(bare, purchase("C-2", "5", null));
        visitors.flush();

        assertThat(orders.pushed(shop.owner.accountId(), "C-1").orElseThrow().currency())
                .isEqualTo("TRY");
        assertThat(orders.pushed(shop.owner.accountId(), "C-2")).isEmpty();
        assertThat(jdbc.sql("select count(*) from visitor_event where name = 'purchase'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anotherAccountsChatWithTheSameVisitorKeyIsNeverMatched() {
        ShopFixture other =
                new ShopFixture(setup, invitations, contacts, conversations, inboxes, "owner@other.test", false);
        new ShopContextFixture(other, visitors, chats).chatFrom(key, other.typedEmail("leyla@example.com"));
        clock.advance(Duration.ofHours(1));

        context.track(key, purchase("D-1", "40", "EUR"));
        orders.record(
                shop.owner.accountId(),
                new OrderPush(
                        "D-2",
                        clock.instant(),
                        "paid",
                        "leyla@example.com",
                        null,
                        "EUR",
                        BigDecimal.ONE,
                        List.of(),
                        null));

        assertThat(orders.pushed(shop.owner.accountId(), "D-1")).isPresent();
        assertThat(orders.pushed(other.owner.accountId(), "D-1")).isEmpty();
        assertThat(count("shop_attribution")).isZero();
    }

    @Test
    void onlyOwnersAndAdminsSetTheWindowAndOnlyWithinItsBounds() throws Exception {
        var agent = shop.agent("Ali", Role.AGENT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> attributions.setWindow(agent, 3))
                .isInstanceOf(AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> attributions.setWindow(shop.owner, 0))
                .isInstanceOf(OrderProblem.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> attributions.setWindow(shop.owner, 91))
                .isInstanceOf(OrderProblem.class);

        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/console/settings/shop/attribution")
                        .with(ShopFixture.as(shop.owner))
                        .with(csrf)
                        .param("days", "many"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isUnprocessableContent());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/console/settings/shop/attribution")
                        .with(ShopFixture.as(shop.owner))
                        .with(csrf)
                        .param("days", "14"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection());
        assertThat(attributions.window(shop.owner.accountId())).isEqualTo(Duration.ofDays(14));
    }
}
