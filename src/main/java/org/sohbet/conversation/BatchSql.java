package org.sohbet.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sohbet.conversation.ConversationRepository.FastPost;
import org.sohbet.conversation.MessageWriter.Request;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a batch of visitor messages with three statements, whatever its size: one locks the conversations, one
 * reads the client ids they hold, one inserts every message and updates every conversation. Per message that leaves only the rows'
 * own work, so a burst does not cost a statement, a plan and a commit each. Run inside the writer's transaction.
 */
@Component
class BatchSql {

    private final JdbcClient jdbc;

    BatchSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(long inboxId, long contactId) {}

    private static final class Open {
        final ConversationSummary summary;
        long lastSeq;
        String preview;

        Open(ConversationSummary summary) {
            this.summary = summary;
            this.lastSeq = summary.lastSeq();
        }
    }

    /** One result per request, in order: the stored message, or empty where the full path must decide. */
    List<Optional<FastPost>> write(List<Request> batch, Instant now) {
        Long[] inboxes = batch.stream().map(r -> r.inboxId()).toArray(Long[]::new);
        Long[] contacts = batch.stream().map(r -> r.contact().value()).toArray(Long[]::new);
        Map<Key, Open> open = new HashMap<>();
        // Lateral lookups make each conversation and each client id one probe of a unique index, whatever the
        // planner thinks of the tables' sizes: a hash join over all messages cost milliseconds a batch.
        jdbc.sql("select c.* from unnest(:inboxes, :contacts) as r(i, k) cross join lateral (select" + " "
                        + ConversationRepository.SUMMARY_COLUMNS + """
                         from conversation c
                        where c.inbox_id = r.i and c.contact_id = r.k and c.status = 'open'
                        for update) c""")
                .param("inboxes", inboxes)
                .param("contacts", contacts)
                .query(ConversationRepository::summary)
                .list()
                .forEach(s -> open.put(new Key(s.inboxId(), s.contactId().value()), new Open(s)));

        // The client ids the batch's conversations hold already, looked up as (conversation, client id) pairs so
        // each is one probe of the unique index.
        List<Long> ids = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        for (Request r : batch) {
            Open conversation = open.get(new Key(r.inboxId(), r.contact().value()));
            if (conversation != null && r.clientId() != null) {
                ids.add(conversation.summary.id().value());
                clientIds.add(r.clientId());
            }
        }
        Set<String> stored = new HashSet<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select p.i || ':' || p.k from unnest(:ids, :clientIds) as p(i, k)
                            cross join lateral (select 1 from message m
                                                where m.conversation_id = p.i and m.client_id = p.k limit 1) m""")
                    .param("ids", ids.toArray(Long[]::new))
                    .param("clientIds", clientIds.toArray(String[]::new))
                    .query(String.class)
                    .list()
                    .forEach(stored::add);
        }

        Timestamp at = DatabaseTime.of(now);
        List<Open> targets = new ArrayList<>(batch.size());
        List<Long> seqs = new ArrayList<>(batch.size());
        List<Long> rowConversations = new ArrayList<>();
        List<Long> rowAccounts = new ArrayList<>();
        List<Long> rowSeqs = new ArrayList<>();
        List<String> rowBodies = new ArrayList<>();
        List<String> rowClients = new ArrayList<>();
        for (Request r : batch) {
            Open conversation = open.get(new Key(r.inboxId(), r.contact().value()));
            String clientKey =
                    conversation == null ? null : conversation.summary.id().value() + ":" + r.clientId();
            // Another account's conversation, a stored client id or a repeat within the batch: the full path
            // answers those (a retry gets the stored message, a change of content a conflict).
            if (conversation == null
                    || !conversation.summary.accountId().equals(r.account())
                    || (r.clientId() != null && !stored.add(clientKey))) {
                targets.add(null);
                seqs.add(null);
                continue;
            }
            conversation.lastSeq++;
            conversation.preview = r.preview();
            targets.add(conversation);
            seqs.add(conversation.lastSeq);
            rowConversations.add(conversation.summary.id().value());
            rowAccounts.add(r.account().value());
            rowSeqs.add(conversation.lastSeq);
            rowBodies.add(r.body());
            rowClients.add(r.clientId());
        }
        if (rowSeqs.isEmpty()) {
            return batch.stream().map(r -> Optional.<FastPost>empty()).toList();
        }

        Set<Open> touched = new HashSet<>();
        targets.stream().filter(t -> t != null).forEach(touched::add);
        Map<String, Long> messageIds = new HashMap<>();
        // One statement stores the messages and moves each conversation's sequence, preview and time.
        jdbc.sql("""
                        with moved as (
                            update conversation c set last_seq = v.s, last_preview = v.p, updated_at = :at
                            from unnest(:ids, :lastSeqs, :previews) as v(i, s, p) where c.id = v.i)
                        insert into message (account_id, conversation_id, seq, kind, author, body, client_id,
                                             status_after, created_at)
                        select a, c, s, 'text', 'visitor', b, k, 'open', :at
                        from unnest(:accounts, :conversations, :seqs, :bodies, :clients) as v(a, c, s, b, k)
                        returning id, conversation_id, seq""")
                .param("ids", touched.stream().map(t -> t.summary.id().value()).toArray(Long[]::new))
                .param("lastSeqs", touched.stream().map(t -> t.lastSeq).toArray(Long[]::new))
                .param("previews", touched.stream().map(t -> t.preview).toArray(String[]::new))
                .param("accounts", rowAccounts.toArray(Long[]::new))
                .param("conversations", rowConversations.toArray(Long[]::new))
                .param("seqs", rowSeqs.toArray(Long[]::new))
                .param("bodies", rowBodies.toArray(String[]::new))
                .param("clients", rowClients.toArray(String[]::new))
                .param("at", at)
                .query((rs, row) -> {
                    messageIds.put(rs.getLong("conversation_id") + ":" + rs.getLong("seq"), rs.getLong("id"));
                    return null;
                })
                .list();

        List<Optional<FastPost>> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Open target = targets.get(i);
            if (target == null) {
                results.add(Optional.empty());
                continue;
            }
            long conversationId = target.summary.id().value();
            ConversationSummary state = target.summary;
            long seq = seqs.get(i);
            // The summary as of this message, so each sender reports its own sequence number.
            ConversationSummary mine = state.withSeq(seq, batch.get(i).preview(), now);
            results.add(Optional.of(new FastPost(messageIds.get(conversationId + ":" + seq), mine)));
        }
        return results;
    }
}
