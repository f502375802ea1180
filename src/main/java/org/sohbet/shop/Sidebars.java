package org.sohbet.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shop.connector.ShopHttp;
import org.sohbet.visitor.LiveVisitor;
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.Visitors;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop context beside a conversation: the visitor's journey, where the chat started and where the visitor is now,
 * the earlier conversations of the contact or visitor, and the purchases attributed to the chat. Read only through
 * the agent's access scope; another account's or scope's conversation is not found.
 */
@Service
public class Sidebars {

    static final int JOURNEY_STEPS = 40;
    static final int EARLIER = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One step of the journey. {@code kind} names its wording (a bundle key's last part), {@code text} and
     * {@code detail} fill it in; {@code link} is an http(s) address or null, never another scheme.
     */
    public record Step(String kind, String text, String detail, String link, Instant at) {}

    /** Where the visitor was at the chat's first message, or is now. */
    public record Place(
            String url,
            String link,
            String title,
            String product,
            String step,
            BigDecimal cartTotal,
            String currency,
            Integer cartItems) {}

    /** What the sidebar shows; {@code tracked} is false when no tracked visitor ever wrote in the conversation. */
    public record Sidebar(
            boolean tracked,
            Instant chatStartedAt,
            Place atStart,
            Place now,
            Instant lastSeenAt,
            List<Step> journey,
            List<ConversationSummary> earlier,
            List<Attributions.Attribution> attributed) {}

    private final Conversations conversations;
    private final Visitors visitors;
    private final VisitorChats chats;
    private final Attributions attributions;

    Sidebars(Conversations conversations, Visitors visitors, VisitorChats chats, Attributions attributions) {
        this.conversations = conversations;
        this.visitors = visitors;
        this.chats = chats;
        this.attributions = attributions;
    }

    public Sidebar forConversation(SignedInAgent agent, ConversationId id) {
        ConversationSummary conversation = conversations.visible(agent, id).orElseThrow(NotFoundException::new);
        AccountId account = agent.accountId();
        List<VisitorChats.Chat> visits = chats.ofConversation(account, id);
        Set<ContactId> contacts = new LinkedHashSet<>();
        contacts.add(conversation.contactId());
        if (visits.isEmpty()) {
            return new Sidebar(
                    false,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    earlier(agent, id, contacts),
                    attributions.ofConversation(account, id));
        }
        VisitorChats.Chat latest = visits.getFirst();
        contacts.addAll(chats.contactsOf(account, latest.visitorKey(), EARLIER));
        LiveVisitor live = visitors.liveVisitor(account, latest.visitorKey()).orElse(null);
        Place start = new Place(
                latest.startUrl(),
                ShopHttp.safeLink(latest.startUrl()),
                latest.startTitle(),
                latest.startProduct(),
                latest.startStep(),
                latest.startCartTotal(),
                latest.startCartCurrency(),
                latest.startCartItems());
        Place now = live == null
                ? null
                : new Place(
                        live.currentUrl(),
                        ShopHttp.safeLink(live.currentUrl()),
                        live.currentTitle(),
                        live.lastProduct(),
                        live.checkoutStep(),
                        live.cartItems() > 0 ? BigDecimal.valueOf(live.cartTotal()) : null,
                        live.cartCurrency(),
                        live.cartItems());
        return new Sidebar(
                true,
                visits.getLast().startedAt(),
                start,
                now,
                live == null ? null : live.lastSeenAt(),
                journey(account, latest.visitorKey()),
                earlier(agent, id, contacts),
                attributions.ofConversation(account, id));
    }

    private List<ConversationSummary> earlier(SignedInAgent agent, ConversationId id, Set<ContactId> contacts) {
        return conversations.visibleOfContacts(agent, contacts, EARLIER + 1).stream()
                .filter(c -> !c.id().equals(id))
                .limit(EARLIER)
                .toList();
    }

    /** The newest steps first; page-left markers only add to the page before them, so they are not listed. */
    private List<Step> journey(AccountId account, String visitorKey) {
        List<Step> steps = new ArrayList<>();
        for (Visitors.JourneyStep raw : visitors.journey(account, visitorKey, JOURNEY_STEPS)) {
            Step step = step(raw);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps.reversed();
    }

    static Step step(Visitors.JourneyStep raw) {
        JsonNode props;
        try {
            props = JSON.readTree(raw.props() == null ? "{}" : raw.props());
        } catch (JacksonException e) {
            props = JSON.createObjectNode();
        }
        String link = ShopHttp.safeLink(raw.url());
        return switch (raw.type()) {
            case "page" -> new Step("page", text(props, "title", raw.url()), raw.url(), link, raw.at());
            case "cart" ->
                new Step(
                        "cart",
                        money(props.get("total"), text(props, "currency", "")),
                        String.valueOf(props.path("items").size()),
                        null,
                        raw.at());
            case "track" -> tracked(raw, props, link);
            default -> null;
        };
    }

    private static Step tracked(Visitors.JourneyStep raw, JsonNode props, String link) {
        String name = raw.name() == null ? "" : raw.name();
        return switch (name) {
            case "product_view" -> {
                String productLink = ShopHttp.safeLink(text(props, "url", null));
                String price = props.has("price") ? money(props.get("price"), text(props, "currency", "")) : "";
                yield new Step(
                        "product",
                        text(props, "name", text(props, "sku", "")),
                        price,
                        productLink != null ? productLink : link,
                        raw.at());
            }
            case "add_to_cart" -> new Step("added", text(props, "name", text(props, "sku", "")), "", null, raw.at());
            case "remove_from_cart" ->
                new Step("removed", text(props, "name", text(props, "sku", "")), "", null, raw.at());
            case "checkout_step" -> new Step("checkout", text(props, "step", ""), "", null, raw.at());
            case "purchase" ->
                new Step(
                        "purchase",
                        text(props, "orderId", ""),
                        money(props.get("total"), text(props, "currency", "")),
                        null,
                        raw.at());
            default -> new Step("custom", name, "", null, raw.at());
        };
    }

    private static String text(JsonNode props, String field, String otherwise) {
        JsonNode node = props.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            return otherwise;
        }
        String value = node.asString().strip();
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    private static String money(JsonNode amount, String currency) {
        if (amount == null || !amount.isNumber()) {
            return "";
        }
        return (amount.decimalValue().stripTrailingZeros().toPlainString() + " " + currency).strip();
    }
}
