package org.sohbet.shop;

import java.util.UUID;
import org.sohbet.contact.Contact;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.Visitors;

/** A shop account whose visitors are tracked by the loader's batches and who chat from those pages. */
final class ShopContextFixture {

    final ShopFixture shop;
    private final Visitors visitors;
    private final VisitorChats chats;

    ShopContextFixture(ShopFixture shop, Visitors visitors, VisitorChats chats) {
        this.shop = shop;
        this.visitors = visitors;
        this.chats = chats;
    }

    /** A visitor key of its own per call: live state is in memory and outlives the tables between tests. */
    static String newKey() {
        return "v-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Sends one batch as the loader would; {@code events} is the JSON array's content. */
    Visitors.Ingested track(String key, String events) {
        return visitors.ingest(
                shop.owner.accountId(), shop.inbox, "{\"v\":\"" + key + "\",\"events\":[" + events + "]}", null, null);
    }

    /** The contact writes from the visitor's page: the conversation and its link to the journey. */
    ConversationSummary chatFrom(String key, Contact contact) {
        ConversationSummary conversation = shop.chat(contact);
        chats.chatted(shop.owner.accountId(), key, conversation.id(), contact.id());
        return conversation;
    }

    static String page(String url, String title) {
        return "{\"t\":\"page\",\"url\":\"" + url + "\",\"title\":\"" + title + "\"}";
    }

    static String event(String name, String props) {
        return "{\"t\":\"track\",\"name\":\"" + name + "\",\"url\":\"https://shop.example/x\",\"props\":" + props + "}";
    }

    static String purchase(String orderId, String total, String currency) {
        return event(
                "purchase",
                "{\"orderId\":\"" + orderId + "\",\"total\":" + total
                        + (currency == null ? "" : ",\"currency\":\"" + currency + "\"") + "}");
    }
}
