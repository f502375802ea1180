package org.sohbet.shop;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.events.PurchaseTracked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Orders from the page's {@code track('purchase')}, for shops without a connector or the REST API (issue 5). The page
 * is untrusted, so a tracked purchase never overwrites an order the shop pushed or a connector reported: it only adds
 * the visitor's key to attribution.
 */
@Component
class TrackedPurchases {

    static final String STATUS = "placed";
    private static final Logger log = LoggerFactory.getLogger(TrackedPurchases.class);

    private final Orders orders;
    private final Attributions attributions;
    private final VisitorChats chats;
    private final Contacts contacts;

    TrackedPurchases(Orders orders, Attributions attributions, VisitorChats chats, Contacts contacts) {
        this.orders = orders;
        this.attributions = attributions;
        this.chats = chats;
        this.contacts = contacts;
    }

    @EventListener
    void on(PurchaseTracked purchase) {
        Optional<Order> known = orders.pushed(purchase.accountId(), purchase.orderId());
        if (known.isPresent()) {
            Order order = known.get();
            attributions.attribute(
                    purchase.accountId(),
                    new Attributions.Purchase(
                            order.number(),
                            order.placedAt(),
                            order.total(),
                            order.currency(),
                            Attributions.Source.TRACKED),
                    purchase.visitorKey(),
                    List.of());
            return;
        }
        Contact contact = chats.lastContact(purchase.accountId(), purchase.visitorKey())
                .flatMap(id -> contacts.find(purchase.accountId(), id))
                .orElse(null);
        try {
            orders.record(
                    purchase.accountId(),
                    new OrderPush(
                            purchase.orderId(),
                            purchase.at(),
                            STATUS,
                            contact == null ? null : contact.email(),
                            contact == null ? null : contact.externalId(),
                            purchase.currency(),
                            purchase.total(),
                            List.of(),
                            null,
                            purchase.visitorKey()),
                    Attributions.Source.TRACKED);
        } catch (OrderProblem problem) {
            // Kept as a tracked event only: an order needs a well-formed number and a currency.
            log.info(
                    "Tracked purchase of account {} not recorded as an order: {} {}",
                    purchase.accountId().value(),
                    problem.field(),
                    problem.code());
        }
    }
}
