package org.sohbet.helpcenter;

import java.time.Instant;
import java.util.List;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PageRuleRepository {

    private final JdbcClient jdbc;

    PageRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PageRule> list(long accountId) {
        return jdbc.sql("""
                        select r.id, r.pattern, r.article_id, a.title from help_page_rule r
                        join help_article a on a.id = r.article_id and a.account_id = r.account_id
                        where r.account_id = :account order by r.id""")
                .param("account", accountId)
                .query((rs, row) -> new PageRule(
                        rs.getLong("id"), rs.getString("pattern"), rs.getLong("article_id"), rs.getString("title")))
                .list();
    }

    long count(long accountId) {
        return jdbc.sql("select count(*) from help_page_rule where account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    /** Inserts only when the article is the account's; answers whether it did. */
    boolean insert(long accountId, String pattern, long articleId, Instant now) {
        return jdbc.sql("""
                        insert into help_page_rule (account_id, pattern, article_id, created_at)
                        select :account, :pattern, a.id, :now from help_article a
                        where a.id = :article and a.account_id = :account""")
                        .param("account", accountId)
                        .param("pattern", pattern)
                        .param("article", articleId)
                        .param("now", DatabaseTime.of(now))
                        .update()
                == 1;
    }

    boolean delete(long accountId, long id) {
        return jdbc.sql("delete from help_page_rule where account_id = :account and id = :id")
                        .param("account", accountId)
                        .param("id", id)
                        .update()
                == 1;
    }
}
