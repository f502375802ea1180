package org.sohbet.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service figures of each cycle of a conversation, from its opening to its resolution: the wait for the first
 * agent reply, the first response and resolution times in wall time and in business hours, the message counts,
 * whether the visitor left unanswered, and the rating. The reports read the conversation_cycle table.
 */
@Component
class Cycles {

    private final JdbcClient jdbc;
    private final RoutingRepository routing;
    private final Accounts accounts;

    Cycles(JdbcClient jdbc, RoutingRepository routing, Accounts accounts) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.accounts = accounts;
    }

    long start(AccountId account, long conversationId, long inboxId, long startSeq, Instant at) {
        return jdbc.sql("""
                        insert into conversation_cycle (account_id, conversation_id, inbox_id, start_seq, started_at)
                        values (:account, :conversation, :inbox, :seq, :at) returning id""")
                .param("account", account.value())
                .param("conversation", conversationId)
                .param("inbox", inboxId)
                .param("seq", startSeq)
                .param("at", DatabaseTime.of(at))
                .query(Long.class)
                .single();
    }

    /** The first agent reply of the cycle, once. */
    void agentReplied(ConversationSummary c, Instant at) {
        if (c.cycleId() == null) {
            return;
        }
        Instant started = jdbc.sql("""
                        select started_at from conversation_cycle where id = :id and first_reply_at is null""")
                .param("id", c.cycleId())
                .query((rs, row) -> DatabaseTime.read(rs, "started_at"))
                .optional()
                .orElse(null);
        if (started == null) {
            return;
        }
        BusinessHours hours = hours(c.accountId(), c.inboxId());
        jdbc.sql("""
                        update conversation_cycle set first_reply_at = :at, first_response_seconds = :wall,
                               first_response_business_seconds = :business
                        where id = :id and first_reply_at is null""")
                .param("at", DatabaseTime.of(at))
                .param("wall", java.time.Duration.between(started, at).toSeconds())
                .param("business", hours.seconds(started, at))
                .param("id", c.cycleId())
                .update();
    }

    void resolved(ConversationSummary c, AgentId assignee, Instant at) {
        if (c.cycleId() == null) {
            return;
        }
        record Start(Instant at, long seq) {}
        Start start = jdbc.sql("select started_at, start_seq from conversation_cycle where id = :id")
                .param("id", c.cycleId())
                .query((rs, row) -> new Start(DatabaseTime.read(rs, "started_at"), rs.getLong("start_seq")))
                .single();
        BusinessHours hours = hours(c.accountId(), c.inboxId());
        jdbc.sql("""
                        update conversation_cycle y set resolved_at = :at, resolution_seconds = :wall,
                               resolution_business_seconds = :business, assignee_id = :assignee,
                               agent_messages = counts.agent, visitor_messages = counts.visitor
                        from (select count(*) filter (where author = 'agent' and kind in ('text', 'attachment')) as agent,
                                     count(*) filter (where author = 'visitor' and kind in ('text', 'attachment'))
                                         as visitor
                              from message where conversation_id = :conversation and seq >= :from) counts
                        where y.id = :id""")
                .param("at", DatabaseTime.of(at))
                .param("wall", java.time.Duration.between(start.at(), at).toSeconds())
                .param("business", hours.seconds(start.at(), at))
                .param("assignee", assignee == null ? null : assignee.value(), java.sql.Types.BIGINT)
                .param("conversation", c.id().value())
                .param("from", start.seq())
                .param("id", c.cycleId())
                .update();
    }

    void rated(ConversationSummary c, int rating) {
        if (c.cycleId() != null) {
            jdbc.sql("update conversation_cycle set rating = :rating where id = :id")
                    .param("rating", rating)
                    .param("id", c.cycleId())
                    .update();
        }
    }

    /** The visitor went away while no agent had answered in this cycle. */
    void visitorLeft(ConversationSummary c) {
        if (c.cycleId() != null) {
            jdbc.sql("update conversation_cycle set missed = true where id = :id and first_reply_at is null"
                            + " and resolved_at is null")
                    .param("id", c.cycleId())
                    .update();
        }
    }

    record Figures(
            Long firstResponseSeconds,
            Long firstResponseBusinessSeconds,
            Long resolutionSeconds,
            Long resolutionBusinessSeconds,
            Integer agentMessages,
            Integer visitorMessages,
            boolean missed,
            Integer rating) {}

    java.util.Optional<Figures> figures(long cycleId) {
        return jdbc.sql("""
                        select first_response_seconds, first_response_business_seconds, resolution_seconds,
                               resolution_business_seconds, agent_messages, visitor_messages, missed, rating
                        from conversation_cycle where id = :id""")
                .param("id", cycleId)
                .query((rs, row) -> new Figures(
                        ConversationRepository.nullableLong(rs, "first_response_seconds"),
                        ConversationRepository.nullableLong(rs, "first_response_business_seconds"),
                        ConversationRepository.nullableLong(rs, "resolution_seconds"),
                        ConversationRepository.nullableLong(rs, "resolution_business_seconds"),
                        ConversationRepository.nullableInt(rs, "agent_messages"),
                        ConversationRepository.nullableInt(rs, "visitor_messages"),
                        rs.getBoolean("missed"),
                        ConversationRepository.nullableInt(rs, "rating")))
                .optional();
    }

    BusinessHours hours(AccountId account, long inboxId) {
        ZoneId zone =
                accounts.find(account).map(Accounts.AccountSummary::timezone).orElse(ZoneOffset.UTC);
        RoutingRepository.InboxRules rules = routing.inboxRules(account).get(inboxId);
        if (rules == null) {
            return BusinessHours.parse(null, java.util.List.of(), zone);
        }
        return BusinessHours.parse(rules.hoursJson(), rules.holidays(), zone);
    }
}
