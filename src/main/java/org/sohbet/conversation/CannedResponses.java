package org.sohbet.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved replies an agent inserts with {@code /shortcut}, one text per language. Placeholders are replaced as plain
 * text and nothing is ever evaluated: {@code {{contact.name}}} and {@code {{agent.name}}} become the names, and any
 * other braces, {@code ${…}} or {@code [[${…}]]} stay exactly as written.
 */
@Service
public class CannedResponses {

    public static final int MAX_BODY = 5_000;
    public static final String CONTACT_NAME = "{{contact.name}}";
    public static final String AGENT_NAME = "{{agent.name}}";

    private final JdbcClient jdbc;
    private final Clock clock;

    CannedResponses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Canned(long id, String shortcut, Language language, String body) {}

    public List<Canned> list(AccountId account) {
        return jdbc.sql("""
                        select id, shortcut, language, body from canned_response where account_id = :account
                        order by shortcut, language""")
                .param("account", account.value())
                .query((rs, row) -> new Canned(
                        rs.getLong("id"),
                        rs.getString("shortcut"),
                        Language.fromTag(rs.getString("language")).orElseThrow(),
                        rs.getString("body")))
                .list();
    }

    /** Shortcuts starting with the prefix, best language first: the wanted one, then the account's others. */
    public List<Canned> find(AccountId account, String prefix, Language language) {
        String clean = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (!clean.matches("[a-z0-9_-]{0,32}")) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct on (shortcut) id, shortcut, language, body from canned_response
                        where account_id = :account and starts_with(shortcut, :prefix)
                        order by shortcut, (language = :language) desc, language limit 20""")
                .param("account", account.value())
                .param("prefix", clean)
                .param("language", language.tag())
                .query((rs, row) -> new Canned(
                        rs.getLong("id"),
                        rs.getString("shortcut"),
                        Language.fromTag(rs.getString("language")).orElseThrow(),
                        rs.getString("body")))
                .list();
    }

    @Transactional
    public Canned save(SignedInAgent by, String shortcut, Language language, String body) {
        checkManager(by);
        String key = shortcut == null ? "" : shortcut.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (!key.matches("[a-z0-9_-]{1,32}")) {
            throw new ConversationProblem("shortcut");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new ConversationProblem("invalid");
        }
        try {
            long id = jdbc.sql("""
                            insert into canned_response (account_id, shortcut, language, body, created_at)
                            values (:account, :shortcut, :language, :body, :now)
                            on conflict (account_id, shortcut, language) do update set body = excluded.body
                            returning id""")
                    .param("account", by.accountId().value())
                    .param("shortcut", key)
                    .param("language", language.tag())
                    .param("body", text)
                    .param("now", DatabaseTime.of(clock.instant()))
                    .query(Long.class)
                    .single();
            return new Canned(id, key, language, text);
        } catch (DuplicateKeyException e) {
            throw new ConversationProblem("shortcut");
        }
    }

    @Transactional
    public void delete(SignedInAgent by, long id) {
        checkManager(by);
        if (jdbc.sql("delete from canned_response where account_id = :account and id = :id")
                        .param("account", by.accountId().value())
                        .param("id", id)
                        .update()
                == 0) {
            throw new NotFoundException();
        }
    }

    /** Plain substitution of the two placeholders; a name that itself looks like a placeholder stays text. */
    public static String fill(String body, String contactName, String agentName) {
        StringBuilder out = new StringBuilder(body.length() + 32);
        int i = 0;
        while (i < body.length()) {
            if (body.startsWith(CONTACT_NAME, i)) {
                out.append(contactName == null ? "" : contactName);
                i += CONTACT_NAME.length();
            } else if (body.startsWith(AGENT_NAME, i)) {
                out.append(agentName == null ? "" : agentName);
                i += AGENT_NAME.length();
            } else {
                out.append(body.charAt(i++));
            }
        }
        return out.toString();
    }

    private static void checkManager(SignedInAgent by) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins manage canned responses");
        }
    }
}
