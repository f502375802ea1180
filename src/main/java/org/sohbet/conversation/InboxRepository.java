package org.sohbet.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InboxRepository {

    private static final String COLUMNS = "i.id, i.account_id, i.name, i.channel";

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountId account, String name, String channel, Instant now) {
        return jdbc.sql("""
                        insert into inbox (account_id, name, channel, created_at)
                        values (:account, :name, :channel, :now) returning id""")
                .param("account", account.value())
                .param("name", name)
                .param("channel", channel)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    Optional<Inbox> find(AccountId account, long id) {
        return jdbc.sql("select " + COLUMNS + " from inbox i where i.account_id = :account and i.id = :id")
                .param("account", account.value())
                .param("id", id)
                .query(InboxRepository::map)
                .optional();
    }

    List<Inbox> list(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from inbox i where i.account_id = :account order by i.id")
                .param("account", account.value())
                .query(InboxRepository::map)
                .list();
    }

    void rename(AccountId account, long id, String name) {
        jdbc.sql("update inbox set name = :name where account_id = :account and id = :id")
                .param("name", name)
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    static Inbox map(ResultSet rs, int row) throws SQLException {
        return new Inbox(
                rs.getLong("id"),
                new AccountId(rs.getLong("account_id")),
                rs.getString("name"),
                rs.getString("channel"));
    }
}
