package org.sohbet.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
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
            c.id, c.account_id, c.inbox_id, c.contact_id, c.status, c.assignee_id, c.team_id, c.last_seq,
            c.visitor_seen_seq, c.agent_seen_seq, c.rating, c.last_preview, c.queued_at, c.snoozed_until,
            c.reply_due_at, c.passed_by, c.cycle_id, c.status_changed_at, c.created_at, c.updated_at,
            c.first_response_due_at, c.resolution_due_at, c.seller_id""";

    private static final String MESSAGE_COLUMNS = """
            m.id, m.conversation_id, m.seq, m.kind, m.author, m.agent_id, m.body, m.activity, m.client_id, m.rating,
            m.created_at, m.status_after, m.subject_agent_id, m.subject_team_id, a.id as file_id, a.file_name,
            a.content_type, a.size_bytes""";

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the contact's conversation on this inbox unless it exists, and answers it (this transaction holds its
     * row lock, as the insert's); empty when it existed or a concurrent transaction is creating it.
     */
    Optional<ConversationSummary> insertIfAbsent(
            AccountId account, long inboxId, ContactId contact, Long sellerId, String languageTag, Instant now) {
        return jdbc.sql("""
                        insert into conversation as c (account_id, inbox_id, contact_id, status, status_changed_at,
                                                       created_at, updated_at, seller_id, language)
                        values (:account, :inbox, :contact, 'open', :now, :now, :now, :seller, :language)
                        on conflict (inbox_id, contact_id) do nothing
                        returning""" + " " + SUMMARY_COLUMNS)
                .param("account", account.value())
                .param("seller", sellerId, Types.BIGINT)
                .param("language", languageTag, Types.VARCHAR)
                .param("inbox", inboxId)
                .param("contact", contact.value())
                .param("now", DatabaseTime.of(now))
                .query(ConversationRepository::summary)
                .optional();
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

    List<ConversationSummary> ofContacts(AccountId account, Collection<ContactId> contacts, int limit) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from conversation c where c.account_id = :account"
                        + " and c.contact_id in (:contacts) order by c.updated_at desc, c.id desc limit :limit")
                .param("account", account.value())
                .param("contacts", contacts.stream().map(ContactId::value).toList())
                .param("limit", limit)
                .query(ConversationRepository::summary)
                .list();
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

    /** The contact's conversations on every inbox of the account. */
    List<ConversationSummary> forContact(AccountId account, ContactId contact) {
        return jdbc.sql("select " + SUMMARY_COLUMNS
                        + " from conversation c where c.account_id = :account and c.contact_id = :contact")
                .param("account", account.value())
                .param("contact", contact.value())
                .query(ConversationRepository::summary)
                .list();
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

    /** A message just stored, and the conversation as that message left it. */
    record Appended(long messageId, ConversationSummary after) {}

    /**
     * Takes the conversation's next sequence number, applies the state the new message brings and stores the message,
     * in one statement: one round trip for every change of a conversation, which matters inside the transactions that
     * hold the conversation's row lock (and for routing, the account's).
     */
    Appended append(
            AccountId account,
            long conversationId,
            Next next,
            NewRow row,
            String preview,
            Integer rating,
            String ratingComment,
            Instant now) {
        return jdbc.sql("""
                        with c as (
                            update conversation
                               set last_seq = last_seq + 1,
                                   status_changed_at = case when status <> :status then :now
                                                            else status_changed_at end,
                                   assigned_at = case when assignee_id is distinct from :assignee then :now
                                                      else assigned_at end,
                                   status = :status, assignee_id = :assignee, team_id = :team, queued_at = :queued,
                                   snoozed_until = :snoozed, reply_due_at = :due, passed_by = :passed,
                                   cycle_id = :cycle, first_response_due_at = :firstDue,
                                   resolution_due_at = :resolutionDue, last_preview = coalesce(:preview, last_preview),
                                   rating = :rating, rating_comment = :comment, updated_at = :now
                             where id = :id
                            returning *),
                        m as (
                            insert into message (account_id, conversation_id, seq, kind, author, agent_id, body,
                                                 activity, client_id, attachment_id, rating, status_after,
                                                 subject_agent_id, subject_team_id, created_at)
                            select :account, c.id, c.last_seq, :kind, :author, :agent, :body, :activity, :client,
                                   :attachment, :messageRating, :statusAfter, :subjectAgent, :subjectTeam, :now
                              from c
                            returning id)
                        select m.id as message_id,""" + " " + SUMMARY_COLUMNS + " from m, c")
                .param("status", next.status().code())
                .param(
                        "assignee",
                        next.assignee() == null ? null : next.assignee().value(),
                        Types.BIGINT)
                .param("team", next.teamId(), Types.BIGINT)
                .param("queued", DatabaseTime.of(next.queuedAt()))
                .param("snoozed", DatabaseTime.of(next.snoozedUntil()))
                .param("due", DatabaseTime.of(next.replyDueAt()))
                .param(
                        "passed",
                        next.passedBy() == null ? null : next.passedBy().value(),
                        Types.BIGINT)
                .param("cycle", next.cycleId(), Types.BIGINT)
                .param("firstDue", DatabaseTime.of(next.firstResponseDueAt()))
                .param("resolutionDue", DatabaseTime.of(next.resolutionDueAt()))
                .param("preview", preview, Types.VARCHAR)
                .param("rating", rating, Types.INTEGER)
                .param("comment", ratingComment, Types.VARCHAR)
                .param("now", DatabaseTime.of(now))
                .param("id", conversationId)
                .param("account", account.value())
                .param("kind", row.kind())
                .param("author", row.author().code())
                .param("agent", row.agent() == null ? null : row.agent().value(), Types.BIGINT)
                .param("body", row.body(), Types.VARCHAR)
                .param("activity", row.activity(), Types.VARCHAR)
                .param("client", row.clientId(), Types.VARCHAR)
                .param("attachment", row.attachmentId(), Types.BIGINT)
                .param("messageRating", row.rating(), Types.INTEGER)
                .param("statusAfter", row.statusAfter().code())
                .param(
                        "subjectAgent",
                        row.subjectAgent() == null ? null : row.subjectAgent().value(),
                        Types.BIGINT)
                .param("subjectTeam", row.subjectTeam(), Types.BIGINT)
                .query((rs, n) -> new Appended(rs.getLong("message_id"), summary(rs, n)))
                .single();
    }

    /**
     * The state a conversation moves to with a new message: every column a message may change but the sequence.
     *
     * @param replyDueAt the no-answer timer of an automatic assignment (ADR 17), not a service level
     */
    record Next(
            ConversationStatus status,
            AgentId assignee,
            Long teamId,
            Instant queuedAt,
            Instant snoozedUntil,
            Instant replyDueAt,
            AgentId passedBy,
            Long cycleId,
            Instant firstResponseDueAt,
            Instant resolutionDueAt) {

        static Next of(ConversationSummary c) {
            return new Next(
                    c.status(),
                    c.assigneeId(),
                    c.teamId(),
                    c.queuedAt(),
                    c.snoozedUntil(),
                    c.replyDueAt(),
                    c.passedBy(),
                    c.cycleId(),
                    c.firstResponseDueAt(),
                    c.resolutionDueAt());
        }

        Next status(ConversationStatus value) {
            return new Next(
                    value,
                    assignee,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next assignee(AgentId value) {
            return new Next(
                    status,
                    value,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next team(Long value) {
            return new Next(
                    status,
                    assignee,
                    value,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next queued(Instant value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    value,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next snoozed(Instant value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    queuedAt,
                    value,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next due(Instant value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    value,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next passedBy(AgentId value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    value,
                    cycleId,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next cycle(Long value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    value,
                    firstResponseDueAt,
                    resolutionDueAt);
        }

        Next firstResponseDue(Instant value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    value,
                    resolutionDueAt);
        }

        Next resolutionDue(Instant value) {
            return new Next(
                    status,
                    assignee,
                    teamId,
                    queuedAt,
                    snoozedUntil,
                    replyDueAt,
                    passedBy,
                    cycleId,
                    firstResponseDueAt,
                    value);
        }

        /** Both service-level due times at once, as a new cycle sets them and a resolution clears them. */
        Next serviceDue(Instant firstResponse, Instant resolution) {
            return firstResponseDue(firstResponse).resolutionDue(resolution);
        }
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
            ConversationStatus statusAfter,
            AgentId subjectAgent,
            Long subjectTeam) {

        NewRow(
                String kind,
                Author author,
                AgentId agent,
                String body,
                String activity,
                String clientId,
                Long attachmentId,
                Integer rating,
                ConversationStatus statusAfter) {
            this(kind, author, agent, body, activity, clientId, attachmentId, rating, statusAfter, null, null);
        }
    }

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
            long size,
            Long subjectAgentId,
            Long subjectTeamId) {}

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
                rs.getLong("size_bytes"),
                nullableLong(rs, "subject_agent_id"),
                nullableLong(rs, "subject_team_id"));
    }

    static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        return new ConversationSummary(
                new ConversationId(rs.getLong("id")),
                new AccountId(rs.getLong("account_id")),
                rs.getLong("inbox_id"),
                new ContactId(rs.getLong("contact_id")),
                ConversationStatus.of(rs.getString("status")),
                agent(rs, "assignee_id"),
                nullableLong(rs, "team_id"),
                rs.getLong("last_seq"),
                rs.getLong("visitor_seen_seq"),
                rs.getLong("agent_seen_seq"),
                nullableInt(rs, "rating"),
                rs.getString("last_preview"),
                DatabaseTime.read(rs, "queued_at"),
                DatabaseTime.read(rs, "snoozed_until"),
                DatabaseTime.read(rs, "reply_due_at"),
                agent(rs, "passed_by"),
                nullableLong(rs, "cycle_id"),
                DatabaseTime.read(rs, "status_changed_at"),
                DatabaseTime.read(rs, "created_at"),
                DatabaseTime.read(rs, "updated_at"),
                DatabaseTime.read(rs, "first_response_due_at"),
                DatabaseTime.read(rs, "resolution_due_at"),
                nullableLong(rs, "seller_id"));
    }

    private static AgentId agent(ResultSet rs, String column) throws SQLException {
        Long id = nullableLong(rs, column);
        return id == null ? null : new AgentId(id);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    Optional<String> language(AccountId account, long conversationId) {
        return jdbc.sql("select language from conversation where account_id = :account and id = :id")
                .param("account", account.value())
                .param("id", conversationId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("language")))
                .optional()
                .flatMap(found -> found);
    }

    /** Writes nothing when the language is already the one stored, so a busy chat adds no row versions. */
    void noteLanguage(AccountId account, long conversationId, String tag) {
        jdbc.sql("""
                        update conversation set language = :tag
                        where account_id = :account and id = :id and language is distinct from :tag""")
                .param("tag", tag)
                .param("account", account.value())
                .param("id", conversationId)
                .update();
    }
}
