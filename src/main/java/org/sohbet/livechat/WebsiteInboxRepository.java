package org.sohbet.livechat;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.conversation.Frames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class WebsiteInboxRepository {

    private static final String COLUMNS = """
            i.id, i.account_id, i.name, w.public_key, w.secret, w.allowed_domains, w.pre_chat, w.greeting::text,
            w.reply_time::text from inbox i join livechat_inbox w on w.inbox_id = i.id""";

    private final JdbcClient jdbc;

    WebsiteInboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccountId account, long inboxId, String publicKey, String secret) {
        jdbc.sql("""
                        insert into livechat_inbox (inbox_id, account_id, public_key, secret)
                        values (:inbox, :account, :key, :secret)""")
                .param("inbox", inboxId)
                .param("account", account.value())
                .param("key", publicKey)
                .param("secret", secret)
                .update();
    }

    Optional<WebsiteInbox> findByKey(String publicKey) {
        return jdbc.sql("select " + COLUMNS + " where w.public_key = :key")
                .param("key", publicKey)
                .query(WebsiteInboxRepository::map)
                .optional();
    }

    Optional<WebsiteInbox> find(AccountId account, long id) {
        return jdbc.sql("select " + COLUMNS + " where i.account_id = :account and i.id = :id")
                .param("account", account.value())
                .param("id", id)
                .query(WebsiteInboxRepository::map)
                .optional();
    }

    List<WebsiteInbox> list(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " where i.account_id = :account order by i.id")
                .param("account", account.value())
                .query(WebsiteInboxRepository::map)
                .list();
    }

    Optional<WebsiteInbox> firstInbox() {
        return jdbc.sql("select " + COLUMNS + " order by i.account_id, i.id limit 1")
                .query(WebsiteInboxRepository::map)
                .optional();
    }

    void update(
            AccountId account,
            long id,
            List<String> domains,
            boolean preChat,
            Map<String, String> greeting,
            Map<String, String> replyTime) {
        jdbc.sql("""
                        update livechat_inbox set allowed_domains = :domains, pre_chat = :preChat,
                                         greeting = cast(:greeting as jsonb), reply_time = cast(:replyTime as jsonb)
                        where account_id = :account and inbox_id = :id""")
                .param("domains", domains.toArray(String[]::new))
                .param("preChat", preChat)
                .param("greeting", Frames.write(greeting))
                .param("replyTime", Frames.write(replyTime))
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    void updateSecret(AccountId account, long id, String secret) {
        jdbc.sql("update livechat_inbox set secret = :secret where account_id = :account and inbox_id = :id")
                .param("secret", secret)
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    private static WebsiteInbox map(ResultSet rs, int row) throws SQLException {
        Array domains = rs.getArray("allowed_domains");
        return new WebsiteInbox(
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

    boolean pushNavigates(AccountId account, long id) {
        return jdbc.sql("select push_navigates from livechat_inbox where account_id = ? and inbox_id = ?")
                .params(account.value(), id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void setPushNavigates(AccountId account, long id, boolean navigates) {
        jdbc.sql("update livechat_inbox set push_navigates = ? where account_id = ? and inbox_id = ?")
                .params(navigates, account.value(), id)
                .update();
    }

    private static Map<String, String> texts(String json) {
        return json == null ? Map.of() : Frames.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
    }
}
