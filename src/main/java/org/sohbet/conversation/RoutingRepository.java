package org.sohbet.conversation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.shared.cache.BriefCache;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for routing: who serves which inbox, availability and capacity, the queue, and timers. */
@Repository
class RoutingRepository {

    /** Advisory-lock keys of routing: this prefix with the account id, apart from other locks of Sohbet. */
    private static final long LOCK_PREFIX = 0x52_4f_55_54L << 32;

    private static final String QUEUED = """
            c.assignee_id is null and c.queued_at is not null and c.status in ('open', 'pending')""";

    private final JdbcClient jdbc;

    RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes every assignment in the account until the transaction ends, across threads and nodes: two decisions
     * never see the same free capacity. Always taken before any conversation row lock.
     */
    void lockAccount(AccountId account) {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", LOCK_PREFIX | account.value())
                .query()
                .singleRow();
    }

    /**
     * The same lock, only if nobody holds it now. For a caller that already holds row locks and must therefore never
     * wait for the account's lock (that would invert the order above and could deadlock with a claim).
     */
    boolean tryLockAccount(AccountId account) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                .param("key", LOCK_PREFIX | account.value())
                .query(Boolean.class)
                .single();
    }

    /**
     * Whether nobody holds the account's lock at this moment. Outside a transaction only: the statement takes the lock
     * if it is free and lets it go as it commits.
     */
    boolean lockFree(AccountId account) {
        return tryLockAccount(account);
    }

    record InboxRules(
            long id,
            boolean restricted,
            boolean autoAssign,
            Integer noAnswerMinutes,
            String hoursJson,
            List<LocalDate> holidays,
            String awayTextJson) {}

    /**
     * The account's inboxes' rules, kept a second: every visitor's welcome, every resolution (business hours) and every
     * access check reads them. Forgotten when this node changes them or adds an inbox.
     */
    private final BriefCache<AccountId, Map<Long, InboxRules>> rulesKept = new BriefCache<>(1_000);

    Map<Long, InboxRules> inboxRules(AccountId account) {
        return rulesKept.get(account, account, () -> readInboxRules(account));
    }

    /** The account's inboxes or their rules changed. */
    void forgetInboxRules(AccountId account) {
        rulesKept.forgetOnCommit(account);
    }

    private Map<Long, InboxRules> readInboxRules(AccountId account) {
        Map<Long, InboxRules> rules = new HashMap<>();
        jdbc.sql("""
                        select id, restricted, auto_assign, no_answer_minutes, hours::text, holidays, away_text::text
                        from inbox where account_id = :account""").param("account", account.value()).query(rs -> {
            InboxRules r = inboxRules(rs);
            rules.put(r.id(), r);
        });
        return Map.copyOf(rules);
    }

    private static InboxRules inboxRules(ResultSet rs) throws SQLException {
        Array holidays = rs.getArray("holidays");
        List<LocalDate> days = new ArrayList<>();
        if (holidays != null) {
            for (Object day : (Object[]) holidays.getArray()) {
                days.add(((java.sql.Date) day).toLocalDate());
            }
        }
        return new InboxRules(
                rs.getLong("id"),
                rs.getBoolean("restricted"),
                rs.getBoolean("auto_assign"),
                ConversationRepository.nullableInt(rs, "no_answer_minutes"),
                rs.getString("hours"),
                days,
                rs.getString("away_text"));
    }

    void updateInboxRules(
            AccountId account,
            long inboxId,
            boolean restricted,
            boolean autoAssign,
            Integer noAnswerMinutes,
            String hoursJson,
            List<LocalDate> holidays,
            String awayTextJson) {
        forgetInboxRules(account);
        jdbc.sql("""
                        update inbox set restricted = :restricted, auto_assign = :auto, no_answer_minutes = :minutes,
                                         hours = cast(:hours as jsonb), holidays = cast(:holidays as date[]),
                                         away_text = cast(:away as jsonb)
                        where account_id = :account and id = :id""")
                .param("restricted", restricted)
                .param("auto", autoAssign)
                .param("minutes", noAnswerMinutes)
                .param("hours", hoursJson)
                .param("holidays", holidays.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("away", awayTextJson)
                .param("account", account.value())
                .param("id", inboxId)
                .update();
    }

    record Members(Set<AgentId> agents, Set<Long> teams) {}

    Map<Long, Members> inboxMembers(AccountId account) {
        Map<Long, Members> members = new HashMap<>();
        jdbc.sql("select inbox_id, agent_id, team_id from inbox_member where account_id = :account")
                .param("account", account.value())
                .query(rs -> {
                    Members m = members.computeIfAbsent(
                            rs.getLong("inbox_id"), id -> new Members(new HashSet<>(), new HashSet<>()));
                    Long agent = ConversationRepository.nullableLong(rs, "agent_id");
                    if (agent != null) {
                        m.agents().add(new AgentId(agent));
                    } else {
                        m.teams().add(rs.getLong("team_id"));
                    }
                });
        return members;
    }

    /** Replaces who serves the inbox; ids of other accounts' agents and teams are dropped by the selects. */
    void replaceInboxMembers(AccountId account, long inboxId, Set<AgentId> agents, Set<Long> teams) {
        jdbc.sql("delete from inbox_member where account_id = :account and inbox_id = :inbox")
                .param("account", account.value())
                .param("inbox", inboxId)
                .update();
        jdbc.sql("""
                        insert into inbox_member (inbox_id, account_id, agent_id)
                        select :inbox, m.account_id, m.agent_id from membership m
                        where m.account_id = :account and m.agent_id = any(:agents)""")
                .param("inbox", inboxId)
                .param("account", account.value())
                .param("agents", agents.stream().map(AgentId::value).toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        insert into inbox_member (inbox_id, account_id, team_id)
                        select :inbox, t.account_id, t.id from team t
                        where t.account_id = :account and t.id = any(:teams)""")
                .param("inbox", inboxId)
                .param("account", account.value())
                .param("teams", teams.toArray(Long[]::new))
                .update();
    }

    record PresenceRow(
            AgentId agent,
            String chosen,
            String availability,
            int maxChats,
            Instant lastActiveAt,
            Instant lastAssignedAt,
            String notifyJson) {}

    List<PresenceRow> presence(AccountId account) {
        return jdbc.sql("""
                        select agent_id, chosen, availability, max_chats, last_active_at, last_assigned_at,
                               notify::text as notify
                        from agent_presence where account_id = :account""")
                .param("account", account.value())
                .query((rs, row) -> new PresenceRow(
                        new AgentId(rs.getLong("agent_id")),
                        rs.getString("chosen"),
                        rs.getString("availability"),
                        rs.getInt("max_chats"),
                        DatabaseTime.read(rs, "last_active_at"),
                        DatabaseTime.read(rs, "last_assigned_at"),
                        rs.getString("notify")))
                .list();
    }

    void ensurePresence(AccountId account, AgentId agent) {
        jdbc.sql("""
                        insert into agent_presence (account_id, agent_id) values (:account, :agent)
                        on conflict do nothing""")
                .param("account", account.value())
                .param("agent", agent.value())
                .update();
    }

    /** Sets what the agent chose; true when routing's view of the agent changed. */
    boolean choose(AccountId account, AgentId agent, String chosen, Instant now) {
        ensurePresence(account, agent);
        return jdbc.sql("""
                        update agent_presence set chosen = :chosen, availability = :chosen, last_active_at = :now
                        where account_id = :account and agent_id = :agent
                        returning (select availability from agent_presence
                                   where account_id = :account and agent_id = :agent) <> :chosen""")
                .param("chosen", chosen)
                .param("now", DatabaseTime.of(now))
                .param("account", account.value())
                .param("agent", agent.value())
                .query(Boolean.class)
                .single();
    }

    /** Records activity; an agent away only for want of activity is online again. True when that happened. */
    boolean touch(AccountId account, AgentId agent, Instant now) {
        return jdbc.sql("""
                        update agent_presence p set last_active_at = :now,
                               availability = case when p.chosen = 'online' then 'online' else p.availability end
                        from agent_presence old
                        where p.account_id = :account and p.agent_id = :agent
                          and old.account_id = p.account_id and old.agent_id = p.agent_id
                        returning old.availability <> p.availability""")
                .param("now", DatabaseTime.of(now))
                .param("account", account.value())
                .param("agent", agent.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void setCapacity(AccountId account, AgentId agent, int maxChats) {
        ensurePresence(account, agent);
        jdbc.sql("update agent_presence set max_chats = :max where account_id = :account and agent_id = :agent")
                .param("max", maxChats)
                .param("account", account.value())
                .param("agent", agent.value())
                .update();
    }

    void setNotify(AccountId account, AgentId agent, String json) {
        ensurePresence(account, agent);
        jdbc.sql("update agent_presence set notify = cast(:json as jsonb)"
                        + " where account_id = :account and agent_id = :agent")
                .param("json", json)
                .param("account", account.value())
                .param("agent", agent.value())
                .update();
    }

    void markAssigned(AccountId account, AgentId agent, Instant now) {
        jdbc.sql("update agent_presence set last_assigned_at = :now where account_id = :account and agent_id = :agent")
                .param("now", DatabaseTime.of(now))
                .param("account", account.value())
                .param("agent", agent.value())
                .update();
    }

    /** Online agents idle for longer than their account's away period become away. Answers who changed. */
    List<AgentKey> autoAway(Instant now) {
        return jdbc.sql("""
                        update agent_presence p set availability = 'away'
                        where p.availability = 'online'
                          and p.last_active_at < cast(:now as timestamptz) - make_interval(mins => coalesce(
                                (select r.away_after_minutes from routing_policy r where r.account_id = p.account_id),
                                :fallback))
                        returning p.account_id, p.agent_id""")
                .param("now", DatabaseTime.of(now))
                .param("fallback", Availability.DEFAULT_AWAY_MINUTES)
                .query((rs, row) ->
                        new AgentKey(new AccountId(rs.getLong("account_id")), new AgentId(rs.getLong("agent_id"))))
                .list();
    }

    record AgentKey(AccountId account, AgentId agent) {}

    int awayAfterMinutes(AccountId account) {
        return jdbc.sql("select away_after_minutes from routing_policy where account_id = :account")
                .param("account", account.value())
                .query(Integer.class)
                .optional()
                .orElse(Availability.DEFAULT_AWAY_MINUTES);
    }

    void setAwayAfterMinutes(AccountId account, int minutes) {
        jdbc.sql("""
                        insert into routing_policy (account_id, away_after_minutes) values (:account, :minutes)
                        on conflict (account_id) do update set away_after_minutes = excluded.away_after_minutes""")
                .param("account", account.value())
                .param("minutes", minutes)
                .update();
    }

    /** Open conversations per assigned agent: the load capacity is measured against. */
    Map<AgentId, Integer> loads(AccountId account) {
        Map<AgentId, Integer> loads = new HashMap<>();
        jdbc.sql("""
                        select assignee_id, count(*) as n from conversation
                        where account_id = :account and status = 'open' and assignee_id is not null
                        group by assignee_id""").param("account", account.value()).query(rs -> {
            loads.put(new AgentId(rs.getLong("assignee_id")), rs.getInt("n"));
        });
        return loads;
    }

    /** The account's queue in the given inboxes, first in first out, after {@code after} (a page boundary). */
    List<ConversationSummary> queue(AccountId account, List<Long> inboxes, ConversationSummary after, int limit) {
        return jdbc.sql("select " + ConversationRepository.SUMMARY_COLUMNS
                        + " from conversation c where c.account_id = :account and c.inbox_id = any(:inboxes) and "
                        + QUEUED
                        + " and (cast(:afterAt as timestamptz) is null or (c.queued_at, c.id) > (:afterAt, :afterId))"
                        + " order by c.queued_at, c.id limit :limit")
                .param("account", account.value())
                .param("inboxes", inboxes.toArray(Long[]::new))
                .param("afterAt", after == null ? null : DatabaseTime.of(after.queuedAt()))
                .param("afterId", after == null ? 0L : after.id().value())
                .param("limit", limit)
                .query(ConversationRepository::summary)
                .list();
    }

    /** The ids waiting in one inbox's queue, first in line first. */
    List<Long> inboxQueue(AccountId account, long inboxId) {
        return jdbc.sql("select c.id from conversation c where c.account_id = :account and c.inbox_id = :inbox and "
                        + QUEUED + " order by c.queued_at, c.id")
                .param("account", account.value())
                .param("inbox", inboxId)
                .query(Long.class)
                .list();
    }

    List<Long> accountsWithQueue() {
        return jdbc.sql("select distinct c.account_id from conversation c where " + QUEUED)
                .query(Long.class)
                .list();
    }

    record Due(AccountId account, ConversationId id) {}

    List<Due> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        select account_id, id from conversation where reply_due_at <= :now
                        order by reply_due_at limit :limit""")
                .param("now", DatabaseTime.of(now))
                .param("limit", limit)
                .query((rs, row) ->
                        new Due(new AccountId(rs.getLong("account_id")), new ConversationId(rs.getLong("id"))))
                .list();
    }

    List<Due> snoozeOver(Instant now, int limit) {
        return jdbc.sql("""
                        select account_id, id from conversation where status = 'snoozed' and snoozed_until <= :now
                        order by snoozed_until limit :limit""")
                .param("now", DatabaseTime.of(now))
                .param("limit", limit)
                .query((rs, row) ->
                        new Due(new AccountId(rs.getLong("account_id")), new ConversationId(rs.getLong("id"))))
                .list();
    }
}
