package org.sohbet.email;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.shared.cache.BriefCache;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What decides automatic mail (ADR 0031): senders never to answer, transcript settings, agents' notice choices. */
@Repository
class AutoMailRepository {

    private final JdbcClient jdbc;

    AutoMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers whether the sender's latest mail was automatic or bulk. */
    void sawSender(AccountId account, String address, boolean automatic, Instant at) {
        if (automatic) {
            jdbc.sql("""
                            insert into email_auto_sender (account_id, address, last_at) values (:account, :address, :at)
                            on conflict (account_id, address) do update set last_at = excluded.last_at""")
                    .param("account", account.value())
                    .param("address", address)
                    .param("at", DatabaseTime.of(at))
                    .update();
        } else {
            jdbc.sql("delete from email_auto_sender where account_id = :account and address = :address")
                    .param("account", account.value())
                    .param("address", address)
                    .update();
        }
    }

    boolean isAutoSender(AccountId account, String address) {
        return jdbc.sql("""
                        select exists (select 1 from email_auto_sender
                        where account_id = :account and address = lower(:address))""")
                .param("account", account.value())
                .param("address", address)
                .query(Boolean.class)
                .single();
    }

    /**
     * Every resolution asks for its inbox's transcript setting and every assignment for its agent's notice choices;
     * both are kept a second, and forgotten when this node changes them.
     */
    private final BriefCache<Long, Boolean> transcriptSettings = new BriefCache<>(1_000);

    private record AgentKey(long account, long agent) {}

    private final BriefCache<AgentKey, Choices> noticeChoices = new BriefCache<>(1_000);

    boolean transcriptOnResolve(long inboxId) {
        return transcriptSettings.get(inboxId, inboxId, () -> jdbc.sql(
                        "select on_resolve from email_transcript_setting where inbox_id = :inbox")
                .param("inbox", inboxId)
                .query(Boolean.class)
                .optional()
                .orElse(false));
    }

    void setTranscriptOnResolve(AccountId account, long inboxId, boolean on) {
        transcriptSettings.forgetOnCommit(inboxId);
        jdbc.sql("""
                        insert into email_transcript_setting (inbox_id, account_id, on_resolve)
                        values (:inbox, :account, :on)
                        on conflict (inbox_id) do update set on_resolve = excluded.on_resolve""")
                .param("inbox", inboxId)
                .param("account", account.value())
                .param("on", on)
                .update();
    }

    record Choices(boolean assigned, boolean mentions, boolean digest) {
        static final Choices NONE = new Choices(false, false, false);
    }

    Choices choices(AccountId account, AgentId agent) {
        return noticeChoices.get(
                account, new AgentKey(account.value(), agent.value()), () -> readChoices(account, agent));
    }

    private Choices readChoices(AccountId account, AgentId agent) {
        return jdbc.sql("""
                        select assigned, mentions, digest from email_agent_notice
                        where account_id = :account and agent_id = :agent""")
                .param("account", account.value())
                .param("agent", agent.value())
                .query((rs, row) -> new Choices(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional()
                .orElse(Choices.NONE);
    }

    void setChoices(AccountId account, AgentId agent, Choices choices) {
        noticeChoices.forgetOnCommit(account);
        jdbc.sql("""
                        insert into email_agent_notice (account_id, agent_id, assigned, mentions, digest)
                        values (:account, :agent, :assigned, :mentions, :digest)
                        on conflict (account_id, agent_id) do update set assigned = excluded.assigned,
                            mentions = excluded.mentions, digest = excluded.digest""")
                .param("account", account.value())
                .param("agent", agent.value())
                .param("assigned", choices.assigned())
                .param("mentions", choices.mentions())
                .param("digest", choices.digest())
                .update();
    }

    record DigestDue(AccountId account, AgentId agent) {}

    /** Agents who want a digest and have had none on or after the day. */
    List<DigestDue> digestCandidates(int limit) {
        return jdbc.sql("select account_id, agent_id from email_agent_notice where digest order by account_id, agent_id"
                        + " limit :limit")
                .param("limit", limit)
                .query((rs, row) -> new DigestDue(new AccountId(rs.getLong(1)), new AgentId(rs.getLong(2))))
                .list();
    }

    /** Takes the day's digest for the agent; false when it was already taken (by this node or another). */
    boolean claimDigest(AccountId account, AgentId agent, LocalDate day) {
        return jdbc.sql("""
                                update email_agent_notice set digest_day = :day
                                where account_id = :account and agent_id = :agent and digest
                                and (digest_day is null or digest_day < :day)""")
                        .param("day", day)
                        .param("account", account.value())
                        .param("agent", agent.value())
                        .update()
                > 0;
    }

    /** The mailbox an account's automatic mail goes out from when nothing closer names one: its first enabled one. */
    Optional<Long> firstMailbox(AccountId account) {
        return jdbc.sql("""
                        select inbox_id from email_mailbox where account_id = :account and enabled
                        order by inbox_id limit 1""").param("account", account.value()).query(Long.class).optional();
    }
}
