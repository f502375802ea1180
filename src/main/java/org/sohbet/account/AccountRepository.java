package org.sohbet.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.sohbet.shared.cache.BriefCache;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.FormatPreferences;
import org.sohbet.shared.i18n.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account module's tables: account, agent and membership. Every read of a membership names its account. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    /**
     * Accounts and agents' names are read for nearly every message and every chat's service figures, and change
     * rarely; both are kept a second, and forgotten when this node changes them.
     */
    private final BriefCache<AccountId, Optional<Account>> accounts = new BriefCache<>(1_000);

    private record NameKey(long account, long agent) {}

    private final BriefCache<NameKey, Optional<String>> names = new BriefCache<>(1_000);

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyAgentExists() {
        return jdbc.sql("select exists (select 1 from agent)")
                .query(Boolean.class)
                .single();
    }

    /** Serializes first-run setup across threads and nodes until the transaction ends. */
    void lockSetup() {
        jdbc.sql("select pg_advisory_xact_lock(7428190001)").query().singleRow();
    }

    AccountId insertAccount(String name, ZoneId timezone, Language defaultLanguage, Instant now) {
        long id = jdbc.sql("""
                        insert into account (name, timezone, default_language, created_at)
                        values (:name, :timezone, :language, :now) returning id""")
                .param("name", name)
                .param("timezone", timezone.getId())
                .param("language", defaultLanguage.tag())
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
        return new AccountId(id);
    }

    AgentId insertAgent(String email, String displayName, String passwordHash, Language language, Instant now) {
        long id = jdbc.sql("""
                        insert into agent (email, display_name, password_hash, language, credentials_changed_at, created_at)
                        values (:email, :name, :hash, :language, :now, :now) returning id""")
                .param("email", email)
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("language", language == null ? null : language.tag())
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
        return new AgentId(id);
    }

    void insertMembership(AccountId account, AgentId agent, Role role, Instant now) {
        names.forgetOnCommit(account);
        jdbc.sql("""
                        insert into membership (account_id, agent_id, role, created_at)
                        values (:account, :agent, :role, :now)""")
                .param("account", account.value())
                .param("agent", agent.value())
                .param("role", role.column())
                .param("now", DatabaseTime.of(now))
                .update();
    }

    Optional<Account> findAccount(AccountId id) {
        return accounts.get(id, id, () -> jdbc.sql("select * from account where id = :id")
                .param("id", id.value())
                .query(AccountRepository::account)
                .optional());
    }

    /** The display name of a member of the account; empty for anyone else. */
    Optional<String> displayName(AccountId account, AgentId agent) {
        return names.get(account, new NameKey(account.value(), agent.value()), () -> findMembership(account, agent)
                .map(Membership::displayName));
    }

    void updateAccount(AccountId id, String name, ZoneId timezone, Language defaultLanguage) {
        accounts.forgetOnCommit(id);
        jdbc.sql("update account set name = :name, timezone = :timezone, default_language = :language where id = :id")
                .param("id", id.value())
                .param("name", name)
                .param("timezone", timezone.getId())
                .param("language", defaultLanguage.tag())
                .update();
    }

    Optional<Agent> findAgentByEmail(String email) {
        return jdbc.sql("select * from agent where email = :email")
                .param("email", email)
                .query(AccountRepository::agent)
                .optional();
    }

    Optional<Agent> findAgent(AgentId id) {
        return jdbc.sql("select * from agent where id = :id")
                .param("id", id.value())
                .query(AccountRepository::agent)
                .optional();
    }

    void updateProfile(
            AgentId id,
            String displayName,
            Language language,
            FormatPreferences.Calendar calendar,
            FormatPreferences.Digits digits) {
        names.forgetAllOnCommit();
        jdbc.sql("""
                        update agent set display_name = :name, language = :language, calendar = :calendar,
                               digits = :digits
                        where id = :id""")
                .param("id", id.value())
                .param("name", displayName)
                .param("language", language == null ? null : language.tag())
                .param("calendar", calendar == FormatPreferences.Calendar.SOLAR_HIJRI ? "solar_hijri" : "gregorian")
                .param("digits", digits == FormatPreferences.Digits.NATIVE ? "native" : "latin")
                .update();
    }

    void updatePassword(AgentId id, String passwordHash, Instant changedAt) {
        jdbc.sql("update agent set password_hash = :hash, credentials_changed_at = :at where id = :id")
                .param("id", id.value())
                .param("hash", passwordHash)
                .param("at", DatabaseTime.of(changedAt))
                .update();
    }

    /** The agent's enabled memberships, oldest first: the first is where a sign-in lands. */
    List<Membership> enabledMembershipsOf(AgentId agent) {
        return jdbc.sql(MEMBERSHIP_SELECT
                        + " where m.agent_id = :agent and m.enabled order by m.created_at, m.account_id")
                .param("agent", agent.value())
                .query(AccountRepository::membership)
                .list();
    }

    Optional<Membership> findMembership(AccountId account, AgentId agent) {
        return jdbc.sql(MEMBERSHIP_SELECT + " where m.account_id = :account and m.agent_id = :agent")
                .param("account", account.value())
                .param("agent", agent.value())
                .query(AccountRepository::membership)
                .optional();
    }

    List<Membership> membershipsOf(AccountId account) {
        return jdbc.sql(MEMBERSHIP_SELECT + " where m.account_id = :account order by m.created_at, a.id")
                .param("account", account.value())
                .query(AccountRepository::membership)
                .list();
    }

    boolean setEnabled(AccountId account, AgentId agent, boolean enabled) {
        names.forgetOnCommit(account);
        return jdbc.sql("update membership set enabled = :enabled where account_id = :account and agent_id = :agent")
                        .param("enabled", enabled)
                        .param("account", account.value())
                        .param("agent", agent.value())
                        .update()
                == 1;
    }

    void recordSignIn(AccountId account, AgentId agent, Instant at) {
        jdbc.sql("update membership set last_sign_in_at = :at where account_id = :account and agent_id = :agent")
                .param("at", DatabaseTime.of(at))
                .param("account", account.value())
                .param("agent", agent.value())
                .update();
    }

    /** Everything a console request needs to know about its session, in one query. */
    Optional<SessionState> findSessionState(AccountId account, AgentId agent) {
        return jdbc.sql("""
                        select m.enabled, m.role, g.credentials_changed_at, g.language, g.calendar, g.digits,
                               g.display_name, a.timezone, a.name as account_name
                        from membership m join agent g on g.id = m.agent_id join account a on a.id = m.account_id
                        where m.account_id = :account and m.agent_id = :agent""")
                .param("account", account.value())
                .param("agent", agent.value())
                .query((row, i) -> new SessionState(
                        row.getBoolean("enabled"),
                        Role.fromColumn(row.getString("role")),
                        DatabaseTime.read(row, "credentials_changed_at"),
                        Language.fromTag(row.getString("language")),
                        new FormatPreferences(ZoneId.of(row.getString("timezone")), calendar(row), digits(row)),
                        row.getString("display_name"),
                        row.getString("account_name")))
                .optional();
    }

    record SessionState(
            boolean enabled,
            Role role,
            Instant credentialsChangedAt,
            Optional<Language> language,
            FormatPreferences formats,
            String displayName,
            String accountName) {

        /** Whether a session signed in as the agent may go on: still enabled, and no password change since. */
        boolean admits(SignedInAgent agent) {
            return enabled && !agent.signedInAt().isBefore(credentialsChangedAt);
        }
    }

    private static final String MEMBERSHIP_SELECT = """
            select m.account_id, m.agent_id, m.role, m.enabled, m.created_at, m.last_sign_in_at, a.email,
                   a.display_name
            from membership m join agent a on a.id = m.agent_id""";

    private static Account account(ResultSet row, int index) throws SQLException {
        return new Account(
                new AccountId(row.getLong("id")),
                row.getString("name"),
                row.getString("kind"),
                ZoneId.of(row.getString("timezone")),
                Language.fromTag(row.getString("default_language")).orElse(Language.DEFAULT),
                DatabaseTime.read(row, "created_at"));
    }

    private static Agent agent(ResultSet row, int index) throws SQLException {
        return new Agent(
                new AgentId(row.getLong("id")),
                row.getString("email"),
                row.getString("display_name"),
                row.getString("password_hash"),
                Language.fromTag(row.getString("language")),
                calendar(row),
                digits(row),
                DatabaseTime.read(row, "credentials_changed_at"),
                DatabaseTime.read(row, "created_at"));
    }

    private static Membership membership(ResultSet row, int index) throws SQLException {
        return new Membership(
                new AccountId(row.getLong("account_id")),
                new AgentId(row.getLong("agent_id")),
                Role.fromColumn(row.getString("role")),
                row.getBoolean("enabled"),
                DatabaseTime.read(row, "created_at"),
                DatabaseTime.read(row, "last_sign_in_at"),
                row.getString("email"),
                row.getString("display_name"));
    }

    private static FormatPreferences.Calendar calendar(ResultSet row) throws SQLException {
        return "solar_hijri".equals(row.getString("calendar"))
                ? FormatPreferences.Calendar.SOLAR_HIJRI
                : FormatPreferences.Calendar.GREGORIAN;
    }

    private static FormatPreferences.Digits digits(ResultSet row) throws SQLException {
        return "native".equals(row.getString("digits"))
                ? FormatPreferences.Digits.NATIVE
                : FormatPreferences.Digits.LATIN;
    }
}
