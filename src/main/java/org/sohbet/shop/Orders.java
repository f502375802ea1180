package org.sohbet.shop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shop.connector.Connector;
import org.sohbet.shop.connector.Lookup;
import org.sohbet.shop.connector.ShopHttp;
import org.sohbet.shop.connector.ShopUnavailable;
import org.springframework.stereotype.Service;

/**
 * A contact's recent orders, from the account's shop connection and from orders the shop pushed. What a connection
 * answered is kept for {@link #FRESH} per account and contact (a failure for {@link #FAILED_FRESH}, so a shop that is
 * down is not asked on every page view); pushed orders are read from the database every time.
 */
@Service
public class Orders {

    static final Duration FRESH = Duration.ofSeconds(60);
    static final Duration FAILED_FRESH = Duration.ofSeconds(15);
    static final int LIMIT = 10;
    private static final int MAX_CACHED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    /** What the panel shows. {@code problem} names why the shop could not be asked, or is null. */
    public record Panel(
            List<Order> orders,
            String platform,
            ShopUnavailable.Reason problem,
            boolean unverifiedEmail,
            boolean nothingToLookUp) {}

    private record Cached(Instant until, List<Order> orders, ShopUnavailable.Reason problem, boolean fresh) {

        Cached(Instant until, List<Order> orders, ShopUnavailable.Reason problem) {
            this(until, orders, problem, true);
        }

        Cached kept() {
            return new Cached(until, orders, problem, false);
        }
    }

    private final ShopRepository repository;
    private final ShopConnections connections;
    private final Conversations conversations;
    private final Contacts contacts;
    private final Attributions attributions;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Orders(
            ShopRepository repository,
            ShopConnections connections,
            Conversations conversations,
            Contacts contacts,
            Attributions attributions,
            Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.conversations = conversations;
        this.contacts = contacts;
        this.attributions = attributions;
        this.clock = clock;
    }

    /**
     * The orders of the conversation's contact, if the agent may see the conversation (its access scope, ADR 0018);
     * another's answers {@link NotFoundException}, like a conversation of another account.
     */
    public Panel forConversation(SignedInAgent agent, ConversationId id) {
        ConversationSummary conversation = conversations.visible(agent, id).orElseThrow(NotFoundException::new);
        AccountId account = agent.accountId();
        Contact contact = contacts.find(account, conversation.contactId()).orElseThrow(NotFoundException::new);
        String email = contact.email();
        String customerId = contact.externalId();
        if (email == null && customerId == null) {
            return new Panel(List.of(), null, null, false, true);
        }
        boolean unverified = email != null && !contact.verified();
        List<Order> found = new ArrayList<>(repository.pushedOrders(account, email, customerId, LIMIT));
        Optional<ShopConnection> connection = repository.connection(account);
        ShopUnavailable.Reason problem = null;
        String platform = null;
        if (connection.isPresent()) {
            platform = connection.get().platform();
            Cached answer = lookUp(connection.get(), contact.id().value(), email, customerId);
            problem = answer.problem();
            found.addAll(answer.orders());
            if (answer.fresh()) {
                attributeLookedUp(account, contact, answer.orders());
            }
        }
        return new Panel(merge(found), platform, problem, unverified, false);
    }

    /**
     * Records an order a shop reports, idempotent by its number within the account: the same number again updates
     * the order (its status, its tracking link) and answers false.
     *
     * @return true when the order is new
     * @throws OrderProblem when a field is missing or malformed
     */
    public boolean record(AccountId account, OrderPush order) {
        return record(account, order, Attributions.Source.PUSHED);
    }

    /** Records the order and attributes it to the chat before it, if one falls in the account's window (ADR 34). */
    boolean record(AccountId account, OrderPush order, Attributions.Source source) {
        OrderPush clean = validate(order);
        boolean created = repository.upsertOrder(account, clean, DatabaseTime.truncate(clock.instant()));
        attributions.attribute(
                account,
                new Attributions.Purchase(clean.number(), clean.placedAt(), clean.total(), clean.currency(), source),
                clean.visitorKey(),
                contacts.matching(account, clean.email(), clean.customerId()));
        return created;
    }

    /** A pushed order by its number, within the account only. */
    public Optional<Order> pushed(AccountId account, String number) {
        return number == null || number.length() > 64 ? Optional.empty() : repository.pushedOrder(account, number);
    }

    /** The account's connection changed: what it answered before no longer counts. */
    void forget(AccountId account) {
        cache.keySet().removeIf(key -> key.startsWith(account.value() + ":"));
    }

    void forgetAll() {
        cache.clear();
    }

    private Cached lookUp(ShopConnection connection, long contactId, String email, String customerId) {
        String key = connection.accountId().value() + ":" + contactId + ":"
                + connection.updatedAt().toEpochMilli();
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.kept();
        }
        Connector connector = connections.connector(connection.platform());
        Cached answer;
        try {
            String secret = connections.secret(connection);
            List<Order> orders = connector.recentOrders(
                    new Lookup(connection.baseUrl(), connection.apiKey(), secret, email, customerId, LIMIT));
            answer = new Cached(now.plus(FRESH), orders, null);
        } catch (ShopUnavailable unavailable) {
            log.info(
                    "Order lookup for account {} failed: {}",
                    connection.accountId().value(),
                    unavailable.getMessage());
            answer = new Cached(now.plus(FAILED_FRESH), List.of(), unavailable.reason());
        } catch (IllegalStateException sealedUnderAnotherKey) {
            log.warn(
                    "Shop credential of account {} cannot be opened",
                    connection.accountId().value());
            answer = new Cached(now.plus(FAILED_FRESH), List.of(), ShopUnavailable.Reason.UNAUTHORIZED);
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, answer);
        return answer;
    }

    /**
     * Orders a connector found are attributed when they are looked up, the only time Sohbet sees them: to the chats
     * of the contact whose orders they are.
     */
    private void attributeLookedUp(AccountId account, Contact contact, List<Order> orders) {
        for (Order order : orders) {
            if (order.total() == null
                    || order.currency() == null
                    || !order.currency().matches("[A-Z]{3}")) {
                continue;
            }
            Attributions.Source source = order.source() == OrderSource.SHOPIFY
                    ? Attributions.Source.SHOPIFY
                    : Attributions.Source.WOOCOMMERCE;
            attributions.attribute(
                    account,
                    new Attributions.Purchase(
                            order.number(), order.placedAt(), order.total(), order.currency(), source),
                    null,
                    List.of(contact.id()));
        }
    }

    /** Newest first; an order both pushed and found in the shop shows once, as the shop has it. */
    private static List<Order> merge(List<Order> orders) {
        Map<String, Order> byNumber = new LinkedHashMap<>();
        for (Order order : orders) {
            String number = order.number().toLowerCase(Locale.ROOT).replaceFirst("^#", "");
            Order existing = byNumber.get(number);
            if (existing == null || existing.source() == OrderSource.PUSHED) {
                byNumber.put(number, order);
            }
        }
        return byNumber.values().stream()
                .sorted(Comparator.comparing(Order::placedAt).reversed())
                .limit(LIMIT)
                .toList();
    }

    static final int MAX_ITEMS = 100;

    static OrderPush validate(OrderPush o) {
        if (o == null) {
            throw new OrderProblem("order", "required");
        }
        String number = o.number() == null ? null : o.number().strip();
        if (number == null || !number.matches("[\\p{L}\\p{N}#._/-]{1,64}")) {
            throw new OrderProblem("number", number == null || number.isEmpty() ? "required" : "invalid");
        }
        String email = blankToNull(o.email());
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new OrderProblem("email", "invalid");
            }
        }
        String customerId = blankToNull(o.customerId());
        if (customerId != null
                && (customerId.length() > 200 || customerId.chars().anyMatch(Character::isISOControl))) {
            throw new OrderProblem("customerId", "invalid");
        }
        String visitorKey = blankToNull(o.visitorKey());
        if (visitorKey != null && !visitorKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new OrderProblem("visitorKey", "invalid");
        }
        if (email == null && customerId == null && visitorKey == null) {
            throw new OrderProblem("email", "required");
        }
        if (o.placedAt() == null) {
            throw new OrderProblem("placedAt", "required");
        }
        String status = blankToNull(o.status());
        if (status == null) {
            throw new OrderProblem("status", "required");
        }
        if (status.length() > 40 || status.chars().anyMatch(Character::isISOControl)) {
            throw new OrderProblem("status", "invalid");
        }
        String currency = o.currency() == null ? null : o.currency().strip().toUpperCase(Locale.ROOT);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new OrderProblem("currency", currency == null ? "required" : "invalid");
        }
        BigDecimal total = o.total();
        if (total == null) {
            throw new OrderProblem("total", "required");
        }
        if (total.signum() < 0 || total.scale() > 2 || total.precision() - total.scale() > 12) {
            throw new OrderProblem("total", "invalid");
        }
        if (o.items().size() > MAX_ITEMS) {
            throw new OrderProblem("items", "tooMany");
        }
        List<OrderItem> items = new ArrayList<>();
        for (OrderItem item : o.items()) {
            String name = item == null ? null : blankToNull(item.name());
            if (name == null || name.length() > 200 || item.quantity() < 1 || item.quantity() > 100_000) {
                throw new OrderProblem("items", "invalid");
            }
            items.add(new OrderItem(name, item.quantity()));
        }
        String tracking = blankToNull(o.trackingUrl());
        if (tracking != null && ShopHttp.safeLink(tracking) == null) {
            throw new OrderProblem("trackingUrl", "invalid");
        }
        return new OrderPush(
                number,
                DatabaseTime.truncate(o.placedAt()),
                status,
                email,
                customerId,
                currency,
                total,
                items,
                tracking == null ? null : ShopHttp.safeLink(tracking),
                visitorKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
