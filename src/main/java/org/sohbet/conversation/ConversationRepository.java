package org.sohbet.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.contact.ContactId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for conversations, messages and attachments. Every query names the account. */
@Repository
class ConversationRepository {

    static final String SUMMARY_COLUMNS = """
            c.id, c.account_id, c.inbox_id, c.contact_id, c.status, c.assignee_id, c.last_seq, c.visitor_seen_seq,
            c.agent_seen_seq, c.rating, c.last_preview, c.created_at, c.updated_at""";

    private static final String MESSAGE_COLUMNS = """
            m.id, m.conversation_id, m.seq, m.kind, m.author, m.agent_id, m.body, m.activity, m.client_id, m.rating,
            m.created_at, m.status_after, a.id as file_id, a.file_name, a.content_type, a.size_bytes""";

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the contact's conversation on this inbox unless it exists; true when this call created it. */
    boolean insertIfAbsent(AccountId account, long inboxId, ContactId contact, Instant now) {
        return jdbc.sql("""
                        insert into conversation (account_id, inbox_id, contact_id, status, created_at, updated_at)
                        values (:account, :inbox, :contact, 'open', :now, :now)
                        on conflict (inbox_id, contact_id) do nothing""")
                        .param("account", account.value())
                        .param("inbox", inboxId)
                        .param("contact", contact.value())
                        .param("now", DatabaseTime.of(now))
                        .update()
                == 1;
    }

    Optional<ConversationSummary> lockForContact(AccountId account, long inboxId, ContactId contact) {
        return byContact(account, inboxId, contact, " for update");
    }

    Optional<ConversationSummary> findForContact(AccountId account, long inboxId, ContactId contact) {
        return byContact(account, inboxId, contact, "");
    }

    Optional<ConversationSummary> lock(AccountId account, ConversationId id) {
        return byId(account, id, " for update");
    }

    Optional<ConversationSummary> find(AccountId account, ConversationId id) {
        return byId(account, id, "");
    }

    private Optional<ConversationSummary> byContact(AccountId account, long inboxId, ContactId contact, String lock) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from conversation c where c.account_id = :account"
                        + " and c.inbox_id = :inbox and c.contact_id = :contact" + lock)
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("contact", contact.value())
                .query(ConversationRepository::summary)
                .optional();
    }

    private Optional<ConversationSummary> byId(AccountId account, ConversationId id, String lock) {
        return jdbc.sql("select " + SUMMARY_COLUMNS
                        + " from conversation c where c.account_id = :account and c.id = :id" + lock)
                .param("account", account.value())
                .param("id", id.value())
                .query(ConversationRepository::summary)
                .optional();
    }

    List<ConversationSummary> list(AccountId account, ConversationStatus status, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                         from conversation c
                        where c.account_id = :account and (cast(:status as text) is null or c.status = :status)
                        order by c.updated_at desc, c.id desc limit :limit""")
                .param("account", account.value())
                .param("status", status == null ? null : status.code())
                .param("limit", limit)
                .query(ConversationRepository::summary)
                .list();
    }

    /** Moves a contact's conversation on an inbox to another contact, when that one has none there yet. */
    void moveToContact(AccountId account, long inboxId, ContactId from, ContactId to) {
        jdbc.sql("""
                        update conversation set contact_id = :to
                        where account_id = :account and inbox_id = :inbox and contact_id = :from
                          and not exists (select 1 from conversation o
                                          where o.account_id = :account and o.inbox_id = :inbox and o.contact_id = :to)""")
                .param("to", to.value())
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("from", from.value())
                .update();
    }

    record FastPost(long messageId, ConversationSummary conversation) {}

    /**
     * Appends a visitor's text to the contact's open conversation in one statement: no conversation, a resolved
     * one, or a stored message with this client id make it do nothing and answer empty.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a concurrent retry stored the client id first
     */
    Optional<FastPost> appendToOpen(
            AccountId account,
            long inboxId,
            ContactId contact,
            String clientId,
            String body,
            String preview,
            Instant now) {
        return jdbc.sql("""
                        with existing as (
                            select 1 from message m join conversation o on o.id = m.conversation_id
                            where o.account_id = :account and o.inbox_id = :inbox and o.contact_id = :contact
                              and m.client_id = :client),
                        c as (
                            update conversation
                               set last_seq = last_seq + 1, last_preview = :preview, updated_at = :now
                             where account_id = :account and inbox_id = :inbox and contact_id = :contact
                               and status = 'open' and not exists (select 1 from existing)
                            returning *),
                        m as (
                            insert into message (account_id, conversation_id, seq, kind, author, body, client_id,
                                                 status_after, created_at)
                            select :account, c.id, c.last_seq, 'text', 'visitor', :body, :client, 'open', :now from c
                            returning id)
                        select m.id as message_id,""" + " " + SUMMARY_COLUMNS + " from m, c")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("contact", contact.value())
                .param("client", clientId)
                .param("body", body)
                .param("preview", preview)
                .param("now", DatabaseTime.of(now))
                .query((rs, row) -> new FastPost(rs.getLong("message_id"), summary(rs, row)))
                .optional();
    }

    Optional<StoredMessage> findByClientId(long conversationId, String clientId) {
        return jdbc.sql("""
                        select m.seq, m.author, m.agent_id, m.body, m.kind, m.attachment_id from message m
                        where m.conversation_id = :conversation and m.client_id = :client""")
                .param("conversation", conversationId)
                .param("client", clientId)
                .query((rs, row) -> new StoredMessage(
                        rs.getLong("seq"),
                        Author.of(rs.getString("author")),
                        nullableLong(rs, "agent_id"),
                        rs.getString("body"),
                        rs.getString("kind")))
                .optional();
    }

    record StoredMessage(long seq, Author author, Long agentId, String body, String kind) {}

    /** Takes the conversation's next sequence number and applies the state the new message brings. */
    ConversationSummary advance(
            long conversationId,
            ConversationStatus status,
            AgentId assignee,
            String preview,
            Integer rating,
            String ratingComment,
            Instant now) {
        return jdbc.sql("""
                        update conversation c
                           set last_seq = last_seq + 1, status = :status, assignee_id = :assignee,
                               last_preview = coalesce(:preview, last_preview), rating = :rating,
                               rating_comment = :comment, updated_at = :now
                         where id = :id
                        returning""" + " " + SUMMARY_COLUMNS)
                .param("status", status.code())
                .param("assignee", assignee == null ? null : assignee.value())
                .param("preview", preview)
                .param("rating", rating)
                .param("comment", ratingComment)
                .param("now", DatabaseTime.of(now))
                .param("id", conversationId)
                .query(ConversationRepository::summary)
                .single();
    }

    long insertMessage(AccountId account, long conversationId, long seq, NewRow row, Instant now) {
        return jdbc.sql("""
                        insert into message (account_id, conversation_id, seq, kind, author, agent_id, body, activity,
                                             client_id, attachment_id, rating, status_after, created_at)
                        values (:account, :conversation, :seq, :kind, :author, :agent, :body, :activity, :client,
                                :attachment, :rating, :status, :now)
                        returning id""")
                .param("account", account.value())
                .param("conversation", conversationId)
                .param("seq", seq)
                .param("kind", row.kind())
                .param("author", row.author().code())
                .param("agent", row.agent() == null ? null : row.agent().value())
                .param("body", row.body())
                .param("activity", row.activity())
                .param("client", row.clientId())
                .param("attachment", row.attachmentId())
                .param("rating", row.rating())
                .param("status", row.statusAfter().code())
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    record NewRow(
            String kind,
            Author author,
            AgentId agent,
            String body,
            String activity,
            String clientId,
            Long attachmentId,
            Integer rating,
            ConversationStatus statusAfter) {}

    long insertAttachment(
            AccountId account,
            long conversationId,
            String fileName,
            String contentType,
            long size,
            String storageKey,
            Instant now) {
        return jdbc.sql("""
                        insert into attachment (account_id, conversation_id, file_name, content_type, size_bytes,
                                                storage_key, created_at)
                        values (:account, :conversation, :name, :type, :size, :key, :now) returning id""")
                .param("account", account.value())
                .param("conversation", conversationId)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", size)
                .param("key", storageKey)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    record StoredFile(
            long id,
            long accountId,
            long conversationId,
            String fileName,
            String contentType,
            long size,
            String storageKey) {}

    Optional<StoredFile> findAttachment(long id) {
        return jdbc.sql("""
                        select id, account_id, conversation_id, file_name, content_type, size_bytes, storage_key
                        from attachment where id = :id""")
                .param("id", id)
                .query((rs, row) -> new StoredFile(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getLong("conversation_id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("storage_key")))
                .optional();
    }

    List<MessageRow> messagesAfter(AccountId account, long conversationId, long afterSeq, long untilSeq, int limit) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + """
                         from message m left join attachment a on a.id = m.attachment_id
                        where m.account_id = :account and m.conversation_id = :conversation
                          and m.seq > :after and m.seq <= :until
                        order by m.seq limit :limit""")
                .param("account", account.value())
                .param("conversation", conversationId)
                .param("after", afterSeq)
                .param("until", untilSeq)
                .param("limit", limit)
                .query(ConversationRepository::messageRow)
                .list();
    }

    MessageRow message(long messageId) {
        return jdbc.sql("select " + MESSAGE_COLUMNS
                        + " from message m left join attachment a on a.id = m.attachment_id where m.id = :id")
                .param("id", messageId)
                .query(ConversationRepository::messageRow)
                .single();
    }

    record MessageRow(
            long id,
            long conversationId,
            long seq,
            String kind,
            Author author,
            Long agentId,
            String body,
            String activity,
            String clientId,
            Integer rating,
            ConversationStatus statusAfter,
            Instant at,
            Long fileId,
            String fileName,
            String contentType,
            long size) {}

    void markSeen(AccountId account, long conversationId, Author who, long seq) {
        String column = who == Author.AGENT ? "agent_seen_seq" : "visitor_seen_seq";
        jdbc.sql("update conversation set " + column + " = greatest(" + column + ", least(:seq, last_seq))"
                        + " where id = :id and account_id = :account")
                .param("seq", seq)
                .param("id", conversationId)
                .param("account", account.value())
                .update();
    }

    private static MessageRow messageRow(ResultSet rs, int row) throws SQLException {
        return new MessageRow(
                rs.getLong("id"),
                rs.getLong("conversation_id"),
                rs.getLong("seq"),
                rs.getString("kind"),
                Author.of(rs.getString("author")),
                nullableLong(rs, "agent_id"),
                rs.getString("body"),
                rs.getString("activity"),
                rs.getString("client_id"),
                nullableInt(rs, "rating"),
                ConversationStatus.of(rs.getString("status_after")),
                DatabaseTime.read(rs, "created_at"),
                nullableLong(rs, "file_id"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"));
    }

    static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        Long assignee = nullableLong(rs, "assignee_id");
        return new ConversationSummary(
                new ConversationId(rs.getLong("id")),
                new AccountId(rs.getLong("account_id")),
                rs.getLong("inbox_id"),
                new ContactId(rs.getLong("contact_id")),
                ConversationStatus.of(rs.getString("status")),
                assignee == null ? null : new AgentId(assignee),
                rs.getLong("last_seq"),
                rs.getLong("visitor_seen_seq"),
                rs.getLong("agent_seen_seq"),
                nullableInt(rs, "rating"),
                rs.getString("last_preview"),
                DatabaseTime.read(rs, "created_at"),
                DatabaseTime.read(rs, "updated_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
