package org.sohbet.helpcenter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BotAnswerRepository {

    private final JdbcClient jdbc;

    BotAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long accountId, long conversationId, BotAnswer answer, Instant now) {
        jdbc.sql("""
                        insert into help_bot_answer (account_id, conversation_id, article_id, language, confidence,
                                                     outcome, answered_at)
                        select :account, :conversation, a.id, :language, :confidence, 'answered', :now
                        from help_article a where a.id = :article and a.account_id = :account""")
                .param("account", accountId)
                .param("conversation", conversationId)
                .param("article", answer.articleId())
                .param("language", answer.language().tag())
                .param("confidence", Math.clamp(answer.confidence(), 0f, 1f))
                .param("now", DatabaseTime.of(now))
                .update();
    }

    /** Decides the latest undecided answer of the conversation; an answer already decided stays as it was. */
    void decide(long accountId, long conversationId, String outcome, Instant now) {
        jdbc.sql("""
                        update help_bot_answer set outcome = :outcome, decided_at = :now
                        where id = (select id from help_bot_answer where account_id = :account
                                    and conversation_id = :conversation order by id desc limit 1)
                          and outcome = 'answered'""")
                .param("outcome", outcome)
                .param("now", DatabaseTime.of(now))
                .param("account", accountId)
                .param("conversation", conversationId)
                .update();
    }

    Optional<String> latestOutcome(long accountId, long conversationId) {
        return jdbc.sql("""
                        select outcome from help_bot_answer where account_id = :account
                        and conversation_id = :conversation order by id desc limit 1""")
                .param("account", accountId)
                .param("conversation", conversationId)
                .query(String.class)
                .optional();
    }

    record Deflection(long answered, long accepted, long escalated) {

        public long total() {
            return answered + accepted + escalated;
        }

        /** Accepted answers as a share of every answer, or null before the first one. */
        public Double share() {
            return total() == 0 ? null : (double) accepted / total();
        }
    }

    Deflection deflection(long accountId, Instant since) {
        return jdbc.sql("""
                        select count(*) filter (where outcome = 'answered') as answered,
                               count(*) filter (where outcome = 'accepted') as accepted,
                               count(*) filter (where outcome = 'escalated') as escalated
                        from help_bot_answer where account_id = :account and answered_at >= :since""")
                .param("account", accountId)
                .param("since", DatabaseTime.of(since))
                .query((rs, row) ->
                        new Deflection(rs.getLong("answered"), rs.getLong("accepted"), rs.getLong("escalated")))
                .single();
    }

    record TopArticle(long articleId, Language language, String title, long answers, long accepted) {}

    List<TopArticle> topArticles(long accountId, Instant since, int limit) {
        return jdbc.sql("""
                        select a.id, a.language, a.title, count(*) as answers,
                               count(*) filter (where b.outcome = 'accepted') as accepted
                        from help_bot_answer b join help_article a on a.id = b.article_id and a.account_id = b.account_id
                        where b.account_id = :account and b.answered_at >= :since
                        group by a.id, a.language, a.title
                        order by accepted desc, answers desc, a.id limit :limit""")
                .param("account", accountId)
                .param("since", DatabaseTime.of(since))
                .param("limit", limit)
                .query((rs, row) -> new TopArticle(
                        rs.getLong("id"),
                        Language.fromTag(rs.getString("language")).orElseThrow(),
                        rs.getString("title"),
                        rs.getLong("answers"),
                        rs.getLong("accepted")))
                .list();
    }
}
