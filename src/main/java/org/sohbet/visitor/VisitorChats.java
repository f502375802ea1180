package org.sohbet.visitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sohbet.account.AccountId;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which tracked visitor chatted in which conversation, and where on the site each chat started (ADR 34). A channel
 * reports the chat; the shop's sidebar and its attribution of purchases read it.
 */
@Service
public class VisitorChats {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** One visitor's chat in a conversation, with the page, product, checkout step and cart at its first message. */
    public record Chat(
            ConversationId conversationId,
            String visitorKey,
            ContactId contactId,
            Instant startedAt,
            Instant lastChatAt,
            String startUrl,
            String startTitle,
            String startProduct,
            String startStep,
            BigDecimal startCartTotal,
            String startCartCurrency,
            Integer startCartItems) {}

    /** The most recent chat that a purchase can be attributed to, and whether the visitor's key or the contact matched. */
    public record Touch(ConversationId conversationId, Instant chatAt, boolean byVisitor) {}

    private final JdbcClient jdbc;
    private final Visitors visitors;
    private final Clock clock;

    VisitorChats(JdbcClient jdbc, Visitors visitors, Clock clock) {
        this.jdbc = jdbc;
        this.visitors = visitors;
        this.clock = clock;
    }

    /** True for a key the loader could have made; anything else is ignored rather than stored. */
    public static boolean validKey(String visitorKey) {
        return visitorKey != null && KEY.matcher(visitorKey).matches();
    }

    /**
     * The visitor wrote in the conversation. The first time, the live state is kept as where the chat started; after
     * that only the time of the last chat moves on.
     */
    public void chatted(AccountId account, String visitorKey, ConversationId conversation, ContactId contact) {
        if (!validKey(visitorKey)) {
            return;
        }
        Instant now = DatabaseTime.truncate(clock.instant());
        LiveVisitor live = visitors.liveVisitor(account, visitorKey).orElse(null);
        boolean cart = live != null && live.cartItems() > 0;
        jdbc.sql("""
                        insert into visitor_chat (account_id, conversation_id, visitor_key, contact_id, started_at,
                            last_chat_at, start_url, start_title, start_product, start_step, start_cart_total,
                            start_cart_currency, start_cart_items)
                        values (:account, :conversation, :key, :contact, :at, :at, :url, :title, :product, :step,
                            :total, :currency, :items)
                        on conflict (conversation_id, visitor_key) do update
                            set last_chat_at = excluded.last_chat_at,
                                contact_id = coalesce(excluded.contact_id, visitor_chat.contact_id)""")
                .param("account", account.value())
                .param("conversation", conversation.value())
                .param("key", visitorKey)
                .param("contact", contact == null ? null : contact.value())
                .param("at", Timestamp.from(now))
                .param("url", live == null ? null : live.currentUrl())
                .param("title", live == null ? null : live.currentTitle())
                .param("product", live == null ? null : live.lastProduct())
                .param("step", live == null ? null : live.checkoutStep())
                .param("total", cart ? BigDecimal.valueOf(live.cartTotal()).setScale(2, RoundingMode.HALF_UP) : null)
                .param("currency", cart ? live.cartCurrency() : null)
                .param("items", cart ? live.cartItems() : null)
                .update();
    }

    /** The conversation's chats, the most recent first; none for another account's conversation. */
    public List<Chat> ofConversation(AccountId account, ConversationId conversation) {
        return jdbc.sql("""
                        select * from visitor_chat where account_id = :account and conversation_id = :conversation
                        order by last_chat_at desc, visitor_key""")
                .param("account", account.value())
                .param("conversation", conversation.value())
                .query(VisitorChats::chat)
                .list();
    }

    /** The contacts a visitor chatted as, the most recent first. */
    public List<ContactId> contactsOf(AccountId account, String visitorKey, int limit) {
        return jdbc.sql("""
                        select contact_id from visitor_chat
                        where account_id = :account and visitor_key = :key and contact_id is not null
                        group by contact_id order by max(last_chat_at) desc limit :limit""")
                .param("account", account.value())
                .param("key", visitorKey)
                .param("limit", limit)
                .query((rs, n) -> new ContactId(rs.getLong(1)))
                .list();
    }

    /** The contact the visitor last chatted as, if any. */
    public Optional<ContactId> lastContact(AccountId account, String visitorKey) {
        return contactsOf(account, visitorKey, 1).stream().findFirst();
    }

    /**
     * The most recent chat of the visitor, or of one of the contacts, that started before {@code purchase} and was
     * last active no earlier than {@code since}. A chat of the same visitor wins over a contact's at the same time.
     */
    public Optional<Touch> lastTouch(
            AccountId account, String visitorKey, Collection<ContactId> contacts, Instant since, Instant purchase) {
        List<Long> ids = contacts.stream().map(ContactId::value).toList();
        boolean byKey = validKey(visitorKey);
        if (!byKey && ids.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select conversation_id, least(last_chat_at, :purchase) as chat_at,
                               visitor_key = cast(:key as text) as by_visitor
                        from visitor_chat
                        where account_id = :account
                          and (visitor_key = cast(:key as text) or contact_id = any(cast(:contacts as bigint[])))
                          and started_at <= :purchase and last_chat_at >= :since
                        order by least(last_chat_at, :purchase) desc, by_visitor desc limit 1""")
                .param("account", account.value())
                .param("key", byKey ? visitorKey : null)
                .param("contacts", ids.toArray(Long[]::new))
                .param("purchase", Timestamp.from(purchase))
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Touch(
                        new ConversationId(rs.getLong("conversation_id")),
                        rs.getTimestamp("chat_at").toInstant(),
                        rs.getBoolean("by_visitor")))
                .optional();
    }

    private static Chat chat(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long contact = rs.getLong("contact_id");
        boolean noContact = rs.wasNull();
        int items = rs.getInt("start_cart_items");
        boolean noItems = rs.wasNull();
        return new Chat(
                new ConversationId(rs.getLong("conversation_id")),
                rs.getString("visitor_key"),
                noContact ? null : new ContactId(contact),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("last_chat_at").toInstant(),
                rs.getString("start_url"),
                rs.getString("start_title"),
                rs.getString("start_product"),
                rs.getString("start_step"),
                rs.getBigDecimal("start_cart_total"),
                rs.getString("start_cart_currency"),
                noItems ? null : items);
    }
}
