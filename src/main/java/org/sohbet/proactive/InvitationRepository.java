package org.sohbet.proactive;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rules and firings, always by account. */
@Repository
class InvitationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, inbox_id, name, enabled, url_patterns, min_seconds_on_page, min_pages,"
            + " min_cart, checkout_step, languages, visitor_kind, messages::text, max_per_visitor, cooldown_minutes";

    /** When a rule was shown to a visitor. */
    record Mark(long ruleId, Instant at) {}

    /** How often a rule fired and how often that turned into a chat. */
    record Counts(long fired, long converted) {}

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InvitationRule> list(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from proactive_rule where account_id = ? order by inbox_id, id")
                .param(account.value())
                .query((rs, n) -> map(rs))
                .list();
    }

    List<InvitationRule> enabled(AccountId account, long inboxId) {
        return jdbc.sql("select " + COLUMNS
                        + " from proactive_rule where account_id = ? and inbox_id = ? and enabled order by id")
                .params(account.value(), inboxId)
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<InvitationRule> find(AccountId account, long id) {
        return jdbc.sql("select " + COLUMNS + " from proactive_rule where account_id = ? and id = ?")
                .params(account.value(), id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    long insert(AccountId account, InvitationRule rule, Instant now) {
        return jdbc.sql("""
                        insert into proactive_rule (account_id, inbox_id, name, enabled, url_patterns,
                            min_seconds_on_page, min_pages, min_cart, checkout_step, languages, visitor_kind, messages,
                            max_per_visitor, cooldown_minutes, created_at)
                        values (:account, :inbox, :name, :enabled, :patterns, :seconds, :pages, :cart, :step,
                            :languages, :returning, cast(:messages as jsonb), :max, :cooldown, :now)
                        returning id""")
                .params(params(account, rule))
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    boolean update(AccountId account, InvitationRule rule) {
        return jdbc.sql("""
                        update proactive_rule set inbox_id = :inbox, name = :name, enabled = :enabled,
                            url_patterns = :patterns, min_seconds_on_page = :seconds, min_pages = :pages,
                            min_cart = :cart, checkout_step = :step, languages = :languages, visitor_kind = :returning,
                            messages = cast(:messages as jsonb), max_per_visitor = :max, cooldown_minutes = :cooldown
                        where account_id = :account and id = :id""")
                        .params(params(account, rule))
                        .param("id", rule.id())
                        .update()
                == 1;
    }

    boolean delete(AccountId account, long id) {
        return jdbc.sql("delete from proactive_rule where account_id = ? and id = ?")
                        .params(account.value(), id)
                        .update()
                == 1;
    }

    private static Map<String, Object> params(AccountId account, InvitationRule rule) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", account.value());
        params.put("inbox", rule.inboxId());
        params.put("name", rule.name());
        params.put("enabled", rule.enabled());
        params.put("patterns", rule.urlPatterns().toArray(String[]::new));
        params.put("seconds", rule.minSecondsOnPage());
        params.put("pages", rule.minPages());
        params.put("cart", rule.minCart());
        params.put("step", rule.checkoutStep());
        params.put("languages", rule.languages().toArray(String[]::new));
        params.put("returning", rule.returning());
        params.put("messages", JSON.writeValueAsString(rule.messages()));
        params.put("max", rule.maxPerVisitor());
        params.put("cooldown", rule.cooldownMinutes());
        return params;
    }

    /** Records a showing; empty when the rule is gone (deleted while its cached copy matched). */
    Optional<Long> fire(AccountId account, long ruleId, String visitorKey, Instant at) {
        return jdbc.sql("""
                        insert into proactive_firing (account_id, rule_id, visitor_key, fired_at)
                        select account_id, id, :visitor, :at from proactive_rule where account_id = :account and id = :rule
                        returning id""")
                .param("visitor", visitorKey)
                .param("at", DatabaseTime.of(at))
                .param("account", account.value())
                .param("rule", ruleId)
                .query(Long.class)
                .optional();
    }

    List<Mark> marks(AccountId account, String visitorKey, Instant since) {
        return jdbc.sql("select rule_id, fired_at from proactive_firing"
                        + " where account_id = ? and visitor_key = ? and fired_at > ?")
                .params(account.value(), visitorKey, DatabaseTime.of(since))
                .query((rs, n) -> new Mark(rs.getLong(1), DatabaseTime.read(rs, "fired_at")))
                .list();
    }

    /** The visitor's latest invitation since {@code since} that has not converted yet becomes converted. */
    boolean convert(AccountId account, String visitorKey, Instant since, Instant now) {
        return jdbc.sql("""
                        update proactive_firing set converted_at = :now
                        where id = (select id from proactive_firing
                                    where account_id = :account and visitor_key = :visitor and fired_at > :since
                                      and converted_at is null
                                    order by fired_at desc, id desc limit 1)""")
                        .param("now", DatabaseTime.of(now))
                        .param("account", account.value())
                        .param("visitor", visitorKey)
                        .param("since", DatabaseTime.of(since))
                        .update()
                == 1;
    }

    Map<Long, Counts> counts(AccountId account) {
        Map<Long, Counts> counts = new LinkedHashMap<>();
        jdbc.sql("select rule_id, count(*), count(converted_at) from proactive_firing where account_id = ?"
                        + " group by rule_id")
                .param(account.value())
                .query(rs -> {
                    counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    private static InvitationRule map(ResultSet rs) throws SQLException {
        Double cart = rs.getObject("min_cart") == null ? null : rs.getDouble("min_cart");
        Map<String, String> messages =
                JSON.readValue(rs.getString(12), new TypeReference<LinkedHashMap<String, String>>() {});
        return new InvitationRule(
                rs.getLong("id"),
                rs.getLong("inbox_id"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                strings(rs.getArray("url_patterns")),
                rs.getInt("min_seconds_on_page"),
                rs.getInt("min_pages"),
                cart,
                rs.getString("checkout_step"),
                new LinkedHashSet<>(strings(rs.getArray("languages"))),
                rs.getString("visitor_kind"),
                messages,
                rs.getInt("max_per_visitor"),
                rs.getInt("cooldown_minutes"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
