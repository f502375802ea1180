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

/** Agents' replies waiting for SMTP (ADR 0026). */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            long id,
            AccountId accountId,
            long inboxId,
            Long conversationId,
            Long conversationMessageId,
            Long seq,
            String messageId,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant sentAt,
            String kind,
            Composed composed) {

        boolean isReply() {
            return "reply".equals(kind);
        }
    }

    /** A mail rendered when it was queued: a transcript or a notice. */
    record Composed(String recipient, String recipientName, String subject, String body, String language) {}

    /** Queues a transcript or a notice; {@code conversationId} is null for a notice about no single conversation. */
    void enqueueComposed(
            AccountId account,
            long inboxId,
            Long conversationId,
            String kind,
            Composed mail,
            String emailId,
            Instant now) {
        jdbc.sql("""
                        insert into email_outbox (account_id, inbox_id, conversation_id, kind, recipient, recipient_name,
                            subject, body, language, message_id, status, next_attempt_at, created_at)
                        values (:account, :inbox, :conversation, :kind, :recipient, :recipientName, :subject, :body,
                            :language, :emailId, 'queued', :now, :now)""")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("conversation", conversationId, java.sql.Types.BIGINT)
                .param("kind", kind)
                .param("recipient", mail.recipient())
                .param("recipientName", mail.recipientName())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("language", mail.language())
                .param("emailId", emailId)
                .param("now", DatabaseTime.of(now))
                .update();
    }

    /** Transcripts of the conversation queued since the instant, sent or not: the per-conversation limit. */
    int transcriptsSince(AccountId account, long conversationId, Instant since) {
        return jdbc.sql("""
                        select count(*) from email_outbox where account_id = :account and kind = 'transcript'
                        and conversation_id = :conversation and created_at >= :since""")
                .param("account", account.value())
                .param("conversation", conversationId)
                .param("since", DatabaseTime.of(since))
                .query(Integer.class)
                .single();
    }

    /** Queues the reply; a second call for the same conversation message changes nothing. */
    void enqueue(
            AccountId account,
            long inboxId,
            long conversationId,
            long messageId,
            long seq,
            String emailId,
            Instant now) {
        jdbc.sql("""
                        insert into email_outbox (account_id, inbox_id, conversation_id, conversation_message_id, seq,
                            message_id, status, next_attempt_at, created_at)
                        values (:account, :inbox, :conversation, :message, :seq, :emailId, 'queued', :now, :now)
                        on conflict (conversation_message_id) do nothing""")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("conversation", conversationId)
                .param("message", messageId)
                .param("seq", seq)
                .param("emailId", emailId)
                .param("now", DatabaseTime.of(now))
                .update();
    }

    /**
     * The next due reply, locked until the transaction ends; rows another worker holds are skipped, so workers on
     * several nodes never send the same reply at once.
     */
    Optional<Row> lockNextDue(Instant now) {
        return jdbc.sql("""
                        select * from email_outbox where status = 'queued' and next_attempt_at <= :now
                        order by next_attempt_at, id limit 1 for update skip locked""")
                .param("now", DatabaseTime.of(now))
                .query(OutboxRepository::map)
                .optional();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update email_outbox set status = 'sent', attempts = attempts + 1, sent_at = :at, last_error = null"
                        + " where id = :id")
                .param("at", DatabaseTime.of(at))
                .param("id", id)
                .update();
    }

    void retryAt(long id, Instant next, String error) {
        jdbc.sql("update email_outbox set attempts = attempts + 1, next_attempt_at = :next, last_error = :error"
                        + " where id = :id")
                .param("next", DatabaseTime.of(next))
                .param("error", error)
                .param("id", id)
                .update();
    }

    void failed(long id, String error) {
        jdbc.sql(
                        "update email_outbox set status = 'failed', attempts = attempts + 1, last_error = :error where id = :id")
                .param("error", error)
                .param("id", id)
                .update();
    }

    /** Sends a failed reply again from now on. */
    boolean retryNow(AccountId account, long id, Instant now) {
        return jdbc.sql("""
                        update email_outbox set status = 'queued', attempts = 0, next_attempt_at = :now
                        where account_id = :account and id = :id and status = 'failed'""")
                        .param("now", DatabaseTime.of(now))
                        .param("account", account.value())
                        .param("id", id)
                        .update()
                > 0;
    }

    List<Row> recent(AccountId account, long inboxId, int limit) {
        return jdbc.sql("""
                        select * from email_outbox where account_id = :account and inbox_id = :inbox
                        order by id desc limit :limit""")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("limit", limit)
                .query(OutboxRepository::map)
                .list();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getLong("id"),
                new AccountId(rs.getLong("account_id")),
                rs.getLong("inbox_id"),
                rs.getObject("conversation_id", Long.class),
                rs.getObject("conversation_message_id", Long.class),
                rs.getObject("seq", Long.class),
                rs.getString("message_id"),
                rs.getString("status"),
                rs.getInt("attempts"),
                DatabaseTime.read(rs, "next_attempt_at"),
                rs.getString("last_error"),
                DatabaseTime.read(rs, "created_at"),
                rs.getTimestamp("sent_at") == null ? null : DatabaseTime.read(rs, "sent_at"),
                rs.getString("kind"),
                rs.getString("recipient") == null
                        ? null
                        : new Composed(
                                rs.getString("recipient"),
                                rs.getString("recipient_name"),
                                rs.getString("subject"),
                                rs.getString("body"),
                                rs.getString("language")));
    }
}
