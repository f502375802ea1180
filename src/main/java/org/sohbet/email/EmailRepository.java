package org.sohbet.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mails in and out ({@code email_message}), their parts, and the per-sender counts. */
@Repository
class EmailRepository {

    private final JdbcClient jdbc;

    EmailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(long id, String status, boolean created) {}

    record NewMail(
            AccountId account,
            long inboxId,
            String direction,
            String messageIdHash,
            String messageId,
            String status,
            String reason,
            String fromAddress,
            String fromName,
            String subject,
            String text,
            String html,
            Integer quotedFrom,
            String rawKey,
            long rawSize,
            Instant at) {}

    /** Inserts the mail unless the account has it already; either way, the stored row. */
    Stored insertIfAbsent(NewMail mail) {
        Optional<Long> id = jdbc.sql("""
                        insert into email_message (account_id, inbox_id, direction, message_id_hash, message_id, status,
                            reason, from_address, from_name, subject, text_body, html_body, quoted_from, raw_key,
                            raw_size, created_at)
                        values (:account, :inbox, :direction, :hash, :messageId, :status, :reason, :fromAddress,
                            :fromName, :subject, :text, :html, :quotedFrom, :rawKey, :rawSize, :at)
                        on conflict (account_id, message_id_hash) do nothing
                        returning id""")
                .param("account", mail.account().value())
                .param("inbox", mail.inboxId())
                .param("direction", mail.direction())
                .param("hash", mail.messageIdHash())
                .param("messageId", MailParser.cut(mail.messageId(), 998))
                .param("status", mail.status())
                .param("reason", mail.reason())
                .param("fromAddress", mail.fromAddress())
                .param("fromName", mail.fromName())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("quotedFrom", mail.quotedFrom(), java.sql.Types.INTEGER)
                .param("rawKey", mail.rawKey())
                .param("rawSize", mail.rawSize())
                .param("at", DatabaseTime.of(mail.at()))
                .query(Long.class)
                .optional();
        if (id.isPresent()) {
            return new Stored(id.get(), mail.status(), true);
        }
        return find(mail.account(), mail.messageIdHash()).orElseThrow();
    }

    Optional<Stored> find(AccountId account, String messageIdHash) {
        return jdbc.sql("select id, status from email_message where account_id = :account and message_id_hash = :hash")
                .param("account", account.value())
                .param("hash", messageIdHash)
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("status"), false))
                .optional();
    }

    /** The conversation a stored mail (ours or the customer's) belongs to. */
    Optional<Long> conversationOf(AccountId account, String messageIdHash) {
        return jdbc.sql("""
                        select conversation_id from email_message
                        where account_id = :account and message_id_hash = :hash and conversation_id is not null""")
                .param("account", account.value())
                .param("hash", messageIdHash)
                .query(Long.class)
                .optional();
    }

    void insertPart(AccountId account, long emailId, ParsedMail.Part part, String storageKey) {
        jdbc.sql("""
                        insert into email_part (account_id, email_message_id, file_name, content_type, content_id,
                            inline, size_bytes, storage_key)
                        values (:account, :email, :name, :type, :cid, :inline, :size, :key)""")
                .param("account", account.value())
                .param("email", emailId)
                .param("name", part.fileName())
                .param("type", MailParser.cut(part.contentType(), 200))
                .param("cid", part.contentId())
                .param("inline", part.inline())
                .param("size", part.content().length)
                .param("key", storageKey)
                .update();
    }

    void settle(long emailId, String status, String reason, Long conversationId, Long conversationMessageId) {
        jdbc.sql("""
                        update email_message set status = :status, reason = :reason,
                            conversation_id = coalesce(:conversation, conversation_id),
                            conversation_message_id = coalesce(:message, conversation_message_id)
                        where id = :id""")
                .param("status", status)
                .param("reason", reason)
                .param("conversation", conversationId, java.sql.Types.BIGINT)
                .param("message", conversationMessageId, java.sql.Types.BIGINT)
                .param("id", emailId)
                .update();
    }

    /** The subject of the conversation's latest mail, in or out. */
    Optional<String> lastSubject(long conversationId) {
        return jdbc.sql("""
                        select subject from email_message where conversation_id = :conversation and subject is not null
                        order by id desc limit 1""")
                .param("conversation", conversationId)
                .query(String.class)
                .optional();
    }

    /** The conversation's latest Message-IDs, oldest first, for References. */
    List<String> threadIds(long conversationId, int limit) {
        List<String> ids = jdbc.sql("""
                        select message_id from email_message where conversation_id = :conversation
                        order by id desc limit :limit""")
                .param("conversation", conversationId)
                .param("limit", limit)
                .query(String.class)
                .list();
        return ids.reversed();
    }

    /** The customer's latest mail in the conversation, which a reply answers. */
    Optional<String> lastInboundId(long conversationId) {
        return jdbc.sql("""
                        select message_id from email_message
                        where conversation_id = :conversation and direction = 'in' and status = 'posted'
                        order by id desc limit 1""")
                .param("conversation", conversationId)
                .query(String.class)
                .optional();
    }

    /** Counts a mail from the sender in this hour and returns the count. */
    int countSender(AccountId account, String sender, Instant hour) {
        return jdbc.sql("""
                        insert into email_sender_count (account_id, sender, hour, count) values (:account, :sender, :hour, 1)
                        on conflict (account_id, sender, hour) do update set count = email_sender_count.count + 1
                        returning count""")
                .param("account", account.value())
                .param("sender", sender)
                .param("hour", DatabaseTime.of(hour))
                .query(Integer.class)
                .single();
    }

    record MailView(
            long id,
            long inboxId,
            String direction,
            String status,
            String reason,
            Long conversationId,
            Long conversationMessageId,
            String fromAddress,
            String fromName,
            String subject,
            String text,
            String html,
            Integer quotedFrom,
            long rawSize,
            Instant at) {}

    private static final String VIEW = """
            select id, inbox_id, direction, status, reason, conversation_id, conversation_message_id, from_address,
                   from_name, subject, text_body, html_body, quoted_from, raw_size, created_at from email_message""";

    Optional<MailView> mail(AccountId account, long id) {
        return jdbc.sql(VIEW + " where account_id = :account and id = :id")
                .param("account", account.value())
                .param("id", id)
                .query(EmailRepository::view)
                .optional();
    }

    List<MailView> forConversation(AccountId account, long conversationId) {
        return jdbc.sql(VIEW + " where account_id = :account and conversation_id = :conversation order by id")
                .param("account", account.value())
                .param("conversation", conversationId)
                .query(EmailRepository::view)
                .list();
    }

    List<MailView> recent(AccountId account, long inboxId, int limit) {
        return jdbc.sql(VIEW + " where account_id = :account and inbox_id = :inbox order by id desc limit :limit")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("limit", limit)
                .query(EmailRepository::view)
                .list();
    }

    record PartRow(
            long id,
            String fileName,
            String contentType,
            String contentId,
            boolean inline,
            long size,
            String storageKey) {}

    List<PartRow> parts(AccountId account, long emailId) {
        return jdbc.sql("""
                        select id, file_name, content_type, content_id, inline, size_bytes, storage_key from email_part
                        where account_id = :account and email_message_id = :email order by id""")
                .param("account", account.value())
                .param("email", emailId)
                .query((rs, row) -> new PartRow(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getString("content_id"),
                        rs.getBoolean("inline"),
                        rs.getLong("size_bytes"),
                        rs.getString("storage_key")))
                .list();
    }

    private static MailView view(ResultSet rs, int row) throws SQLException {
        long conversation = rs.getLong("conversation_id");
        boolean noConversation = rs.wasNull();
        long message = rs.getLong("conversation_message_id");
        boolean noMessage = rs.wasNull();
        int quoted = rs.getInt("quoted_from");
        boolean noQuote = rs.wasNull();
        return new MailView(
                rs.getLong("id"),
                rs.getLong("inbox_id"),
                rs.getString("direction"),
                rs.getString("status"),
                rs.getString("reason"),
                noConversation ? null : conversation,
                noMessage ? null : message,
                rs.getString("from_address"),
                rs.getString("from_name"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                noQuote ? null : quoted,
                rs.getLong("raw_size"),
                DatabaseTime.read(rs, "created_at"));
    }
}
