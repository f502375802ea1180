package org.sohbet.shop;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationId;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.visitor.VisitorChats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Chat-assisted purchases (ADR 34): a purchase by the visitor or the contact of a chat, within the account's window
 * after that chat, counts for the chat, once per order number. Stored as rows, so reports only sum them.
 */
@Service
public class Attributions {

    static final int DEFAULT_WINDOW_DAYS = 7;
    static final int MAX_WINDOW_DAYS = 90;

    /** Where Sohbet learned of the purchase. */
    public enum Source {
        TRACKED,
        PUSHED,
        WOOCOMMERCE,
        SHOPIFY;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a purchase brings to attribution, whatever its source. */
    record Purchase(String number, Instant at, BigDecimal total, String currency, Source source) {}

    /** One order attributed to a conversation's chat. */
    public record Attribution(
            ConversationId conversationId,
            String orderNumber,
            BigDecimal total,
            String currency,
            Instant purchasedAt,
            Instant chatAt,
            boolean byVisitor,
            String source) {}

    /** Chat-assisted conversions and their value in one currency over a period. */
    public record Total(String currency, long orders, BigDecimal value) {}

    private final JdbcClient jdbc;
    private final VisitorChats chats;
    private final Clock clock;

    Attributions(JdbcClient jdbc, VisitorChats chats, Clock clock) {
        this.jdbc = jdbc;
        this.chats = chats;
        this.clock = clock;
    }

    /** How long after a chat a purchase still counts for it. */
    public Duration window(AccountId account) {
        int days = jdbc.sql("select window_days from shop_attribution_setting where account_id = :account")
                .param("account", account.value())
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_WINDOW_DAYS);
        return Duration.ofDays(days);
    }

    /** Owners and admins set the window, in whole days from 1 to {@value #MAX_WINDOW_DAYS}. */
    public void setWindow(SignedInAgent agent, int days) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins manage shop settings");
        }
        if (days < 1 || days > MAX_WINDOW_DAYS) {
            throw new OrderProblem("windowDays", "invalid");
        }
        jdbc.sql("""
                        insert into shop_attribution_setting (account_id, window_days) values (:account, :days)
                        on conflict (account_id) do update set window_days = excluded.window_days""")
                .param("account", agent.accountId().value())
                .param("days", days)
                .update();
    }

    /**
     * Attributes the purchase to the most recent chat of the visitor or of one of the contacts in the window before
     * it. An order already attributed keeps its chat: a repeated event or push never counts twice or moves.
     */
    Optional<Attribution> attribute(
            AccountId account, Purchase purchase, String visitorKey, Collection<ContactId> contacts) {
        Instant since = purchase.at().minus(window(account));
        Optional<VisitorChats.Touch> touch = chats.lastTouch(account, visitorKey, contacts, since, purchase.at());
        if (touch.isEmpty()) {
            return Optional.empty();
        }
        VisitorChats.Touch chat = touch.get();
        jdbc.sql("""
                        insert into shop_attribution (account_id, order_number, conversation_id, matched_by, source,
                            total, currency, purchased_at, chat_at, created_at)
                        values (:account, :number, :conversation, :matched, :source, :total, :currency, :purchased,
                            :chat, :now)
                        on conflict (account_id, order_number) do nothing""")
                .param("account", account.value())
                .param("number", purchase.number())
                .param("conversation", chat.conversationId().value())
                .param("matched", chat.byVisitor() ? "visitor" : "contact")
                .param("source", purchase.source().code())
                .param("total", purchase.total())
                .param("currency", purchase.currency())
                .param("purchased", Timestamp.from(purchase.at()))
                .param("chat", Timestamp.from(chat.chatAt()))
                .param("now", Timestamp.from(DatabaseTime.truncate(clock.instant())))
                .update();
        return order(account, purchase.number());
    }

    /** The order's attribution, within the account only. */
    public Optional<Attribution> order(AccountId account, String number) {
        return jdbc.sql("select * from shop_attribution where account_id = :account and order_number = :number")
                .param("account", account.value())
                .param("number", number)
                .query(Attributions::map)
                .optional();
    }

    /** The purchases attributed to the conversation, the most recent first. */
    public List<Attribution> ofConversation(AccountId account, ConversationId conversation) {
        return jdbc.sql("""
                        select * from shop_attribution where account_id = :account and conversation_id = :conversation
                        order by purchased_at desc limit 20""")
                .param("account", account.value())
                .param("conversation", conversation.value())
                .query(Attributions::map)
                .list();
    }

    /** Chat-assisted orders and their value per currency, for purchases in {@code [from, to)}. */
    public List<Total> totals(AccountId account, Instant from, Instant to) {
        return jdbc.sql("""
                        select currency, count(*), sum(total) from shop_attribution
                        where account_id = :account and purchased_at >= :from and purchased_at < :to
                        group by currency order by currency""")
                .param("account", account.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    private static Attribution map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Attribution(
                new ConversationId(rs.getLong("conversation_id")),
                rs.getString("order_number"),
                rs.getBigDecimal("total"),
                rs.getString("currency"),
                rs.getTimestamp("purchased_at").toInstant(),
                rs.getTimestamp("chat_at").toInstant(),
                "visitor".equals(rs.getString("matched_by")),
                rs.getString("source"));
    }
}
