package org.sohbet.livechat;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.conversation.Frames;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class InboxRepository {

    private static final String COLUMNS =
            "id, account_id, name, public_key, secret, allowed_domains, pre_chat, greeting::text, reply_time::text";

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountId account, String name, String publicKey, String secret, Instant now) {
        return jdbc.sql("""
                        insert into inbox (account_id, name, public_key, secret, created_at)
                        values (:account, :name, :key, :secret, :now) returning id""")
                .param("account", account.value())
                .param("name", name)
                .param("key", publicKey)
                .param("secret", secret)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    Optional<Inbox> findByKey(String publicKey) {
        return jdbc.sql("select " + COLUMNS + " from inbox where public_key = :key")
                .param("key", publicKey)
                .query(InboxRepository::map)
                .optional();
    }

    Optional<Inbox> find(AccountId account, long id) {
        return jdbc.sql("select " + COLUMNS + " from inbox where account_id = :account and id = :id")
                .param("account", account.value())
                .param("id", id)
                .query(InboxRepository::map)
                .optional();
    }

    List<Inbox> list(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from inbox where account_id = :account order by id")
                .param("account", account.value())
                .query(InboxRepository::map)
                .list();
    }

    Optional<Inbox> firstInbox() {
        return jdbc.sql("select " + COLUMNS + " from inbox order by account_id, id limit 1")
                .query(InboxRepository::map)
                .optional();
    }

    void update(
            AccountId account,
            long id,
            String name,
            List<String> domains,
            boolean preChat,
            Map<String, String> greeting,
            Map<String, String> replyTime) {
        jdbc.sql("""
                        update inbox set name = :name, allowed_domains = :domains, pre_chat = :preChat,
                                         greeting = cast(:greeting as jsonb), reply_time = cast(:replyTime as jsonb)
                        where account_id = :account and id = :id""")
                .param("name", name)
                .param("domains", domains.toArray(String[]::new))
                .param("preChat", preChat)
                .param("greeting", Frames.write(greeting))
                .param("replyTime", Frames.write(replyTime))
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    void updateSecret(AccountId account, long id, String secret) {
        jdbc.sql("update inbox set secret = :secret where account_id = :account and id = :id")
                .param("secret", secret)
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    private static Inbox map(ResultSet rs, int row) throws SQLException {
        Array domains = rs.getArray("allowed_domains");
        return new Inbox(
                rs.getLong("id"),
                new AccountId(rs.getLong("account_id")),
                rs.getString("name"),
                rs.getString("public_key"),
                rs.getString("secret"),
                domains == null ? List.of() : Arrays.asList((String[]) domains.getArray()),
                rs.getBoolean("pre_chat"),
                texts(rs.getString("greeting")),
                texts(rs.getString("reply_time")));
    }

    private static Map<String, String> texts(String json) {
        return json == null ? Map.of() : Frames.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
    }
}
