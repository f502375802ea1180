package org.sohbet.livechat;

import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.cache.BriefCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FaqBotRepository {

    private final JdbcClient jdbc;

    FaqBotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every visitor's message asks whether the bot answers on its inbox: kept a second, forgotten on a change here. */
    private final BriefCache<List<Long>, Optional<FaqBots.Settings>> kept = new BriefCache<>(1_000);

    Optional<FaqBots.Settings> find(AccountId account, long inboxId) {
        return kept.get(account, List.of(account.value(), inboxId), () -> read(account, inboxId));
    }

    private Optional<FaqBots.Settings> read(AccountId account, long inboxId) {
        return jdbc.sql("select enabled, threshold from livechat_bot where account_id = :account and inbox_id = :inbox")
                .param("account", account.value())
                .param("inbox", inboxId)
                .query((rs, row) -> new FaqBots.Settings(rs.getBoolean("enabled"), rs.getInt("threshold")))
                .optional();
    }

    void save(AccountId account, long inboxId, FaqBots.Settings settings) {
        kept.forgetOnCommit(account);
        jdbc.sql("""
                        insert into livechat_bot (inbox_id, account_id, enabled, threshold)
                        select w.inbox_id, w.account_id, :enabled, :threshold from livechat_inbox w
                        where w.inbox_id = :inbox and w.account_id = :account
                        on conflict (inbox_id) do update set enabled = excluded.enabled, threshold = excluded.threshold""")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("enabled", settings.enabled())
                .param("threshold", settings.threshold())
                .update();
    }

    /**
     * Holds the conversation's bot lock until the transaction ends, so two messages sent at once cannot both be
     * answered, nor a verdict cross an answer.
     */
    void lock(long conversationId) {
        jdbc.sql("select pg_advisory_xact_lock(:space, :id)")
                .param("space", LOCK_SPACE)
                .param("id", (int) (conversationId ^ (conversationId >>> 32)))
                .query(Object.class)
                .single();
    }

    /** The first key of the two-part advisory lock, kept apart from other modules' locks. */
    private static final int LOCK_SPACE = 0x464171;
}
