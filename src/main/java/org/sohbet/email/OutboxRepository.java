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
            long conversationId,
            long conversationMessageId,
            long seq,
            String messageId,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

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
                rs.getLong("conversation_id"),
                rs.getLong("conversation_message_id"),
                rs.getLong("seq"),
                rs.getString("message_id"),
                rs.getString("status"),
                rs.getInt("attempts"),
                DatabaseTime.read(rs, "next_attempt_at"),
                rs.getString("last_error"),
                DatabaseTime.read(rs, "created_at"),
                rs.getTimestamp("sent_at") == null ? null : DatabaseTime.read(rs, "sent_at"));
    }
}
